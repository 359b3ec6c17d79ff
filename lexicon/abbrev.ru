# Russian abbreviations for the sentence segmenter. One a line:
#   CLASS ABBREVIATION [| CAPITALISED WORDS (prefixes) THAT STILL JOIN]
# CLASS: title = never ends a sentence (проф. Иванов, т. е.)
#        num   = joins only before a number (д. 5, ст. 12)
#        amb   = joins before a lowercase word, a digit or , ; : and before the listed words;
#                breaks before any other capitalised word (в 2020 г. Он ...)
# Matching ignores case; forms with spaces are written with one space.
# "option split-semicolon" makes "; " a sentence boundary.
# "phrase WORD": a preposition that opens a phrase, not a sentence: an ambiguous abbreviation
# ending "WORD and at most two words" does not end a sentence (В 2020 г. Путин подписал указ).
title г-н
title г-на
title г-жа
title проф.
title акад.
title ген.
title генп.
title ген.-лейт.
title ген.-майор.
title полк.
title подполк.
title капит.
title лейт.
title ул.
title пр.
title просп.
title пер.
title пл.
title наб.
title ш.
title бул.
title им.
title св.
title оз.
amb р.
title о.
title пос.
title дер.
title с.
title обл.
title т. е.
title т.е.
title т. н.
title т.н.
title т. к.
title т.к.
title т. ч.
title т.ч.
title напр.
title см.
title ср.
title англ.
title рус.
title лат.
title франц.
amb нем.
title греч.
title букв.
title н. э.
title до н. э.
num д.
num ст.
num стр.
num рис.
num табл.
num гл.
num п.
num пп.
num кв.
num корп.
num ч.
num т.
num вып.
num №.
amb г. | Москв Санкт Петербург Ленинград Киев Минск Владивосток Новосибирск Екатеринбург Казан Сочи Севастопол Калининград Нижн Самар Ростов Волгоград Краснодар Омск Уф Перм Воронеж Тул Ярославл Иркутск Хабаровск
amb гг.
amb в.
amb вв.
amb руб.
amb коп.
amb долл.
amb тыс.
amb млн.
amb млрд.
amb трлн.
amb проц.
amb км.
amb кг.
amb мин.
amb сек.
amb ок.
amb около.
amb др.
amb т. д.
amb т.д.
amb т. п.
amb т.п.
amb и т. д.
amb и т. п.
amb и др.
amb и пр.
amb янв.
amb февр.
amb фев.
amb апр.
amb авг.
amb сент.
amb сен.
amb окт.
amb нояб.
amb дек.
amb ред.
amb изд.
amb ж.
amb м.
amb ф.
amb экз.
amb чел.
amb мм.
amb га.
amb куб.
amb кв. м.
amb кв.м.
amb мес.
amb нед.
amb вкл.
amb искл.
amb мл.
amb зам.
amb зав.
amb нач.
amb пред.
amb ген. дир.
amb гос.
amb мин-во
amb юр.
title Дж.
title пгт.
title мкр.
title г-жи
num ауд.
phrase В
phrase Во
phrase К
phrase До
phrase После
phrase С
phrase Со
phrase Около
phrase По
phrase От
phrase Через
