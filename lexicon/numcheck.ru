# Russian words around numbers, read by the translation QA `number` check (align/check/numbers.c).
# The cardinal and ordinal number words in every case come from ICU's spell-out rules;
# numbers.ru adds the multipliers (млн, тыс. ...) and months.ru the months. The format and the
# tags are those of numcheck.en; here also
#   cardinal       a case ending after a hyphen that keeps the number cardinal (5-ти = пяти)
#   hour / minute  a clock time written in words: 17 часов 47 минут = 17:47
#   range          joins the ends of a range whose end carries the multiplier (600–700 тысяч)
#   compound       the start of the second part of a word made with a number (четырёхлетний,
#                  сорокалетие, двухэтажный): the number word before it gives the number
# An ending tagged both ordinal and decade (1980-х, 3-х) is a decade after a round number of
# tens, else a case form.
percent: % | процент | процента | процентов | проценту | процентам | процентами | проценте | процентах | проц. | п.п. | п. п. | процентного пункта | процентных пункта | процентных пунктов | процентных пунктах | процентный пункт
money USD: $ | долл. | долл | доллар | доллара | долларов | доллару | долларам | долларами | долларе | долларах | usd | цент | цента | центов
money EUR: € | евро | eur
money GBP: £ | фунт | фунта | фунтов | фунтам | фунтами | фунтах | фунтов стерлингов | фунта стерлингов | gbp
money RUB: ₽ | руб. | руб | р. | рубль | рубля | рублей | рублю | рублям | рублями | рубле | рублях | rub
money JPY: ¥ | иен | иена | иены | иену | йен | йена | йены | jpy
money CNY: юань | юаня | юаней | юанях | cny
money UAH: гривна | гривны | гривен | гривнах | uah
money CHF: швейцарских франков | швейцарских франка | chf
value 1.5: полтора | полторы | полутора
multiplier 1000: тысяче | тысячах | тыс.
multiplier 1000000: миллиону | миллионе | миллионах
multiplier 1000000000: миллиарду | миллиарде | миллиардах
multiplier 1000000000000: триллиону | триллионом | триллионам | триллионами | триллионе | триллионах
minus: минус | −
ordinal: й | го | м | я | е | ой | ый | ий | ая | ое | ом | ым | им | ую | ого | его | ому | ему | ей | ю
cardinal: ти | ми | ух | ех | ёх | и
decade: х | ых | их
unit: км | кг | см | мм | га | т | мг | мл | кв | квт | мвт | гвт | кбайт | мбайт | гбайт
value 24: сутки | суток | суткам | сутками | сутках
hour: час | часа | часов
minute: минута | минуты | минут | мин.
compound: лет | месячн | недельн | дневн | часов | минутн | секундн | этажн | кратн | процентн | тонн | метров | километров | местн | страничн | дюймов | футов | миллиметров | сантиметров | градусн | тысячн | миллионн | миллиардн | звездочн | звёздочн | комнатн | серийн | томн | головн | полосн | ступенчат | значн | мерн
range: до | и | или | по
