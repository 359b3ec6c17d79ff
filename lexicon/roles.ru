# roles.ru — starters (starters.ru) that are often part of a name or title after another
# capitalised word ("Министр иностранных дел"): past the first sentence, after a capitalised
# word, they start no sentence (align/segment/headline.c, rule starter). One a line, lowercase.
полиция
президент
премьер-министр
министр
власти
представитель
