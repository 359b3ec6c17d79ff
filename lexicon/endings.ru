# endings.ru — Russian word endings the headline rules read (align/segment/headline.c), one kind a
# line: KIND ENDING...
# verb: a verb in the past or the present third person ("заявил", "считает", "говорят")
verb л ла ли ет ит ют ят
# adjective-stem, adjective: a stem suffix and a case ending after it make an adjective from a
# name ("ливанской", "хабаровского", "израильский"), not the name ("Хабаровска")
adjective-stem ск цк
adjective и ы ог ом ой ое ая ую
# demonym: found after a name's first five letters, a people's name ("американцы", "хабаровчан")
demonym ц ян чан
# oblique: oblique cases, rare on a sentence's first word (its subject is in the nominative),
# and surnames that are also common words (Кузнецов, Попов)
oblique ого его ому ему ым им ых их ую юю ой ей у ю ом ем ами ями ов ев ин ын
# ordinal: after digits, an ordinal that modifies the next word ("21-й", "5-го")
ordinal -й -го
