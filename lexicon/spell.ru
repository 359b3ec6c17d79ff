# Words of today's news that Debian's ru_RU dictionary (2010) lacks, for the spelling check
# (align/check/spell.c). One word a line, optionally WORD<TAB>MODEL: a dictionary word that
# inflects the same way (Достоевский for adjectives in -ый/-ий, Игорь for feminine nouns in -ь),
# so that every case form passes. Not exempt from typo checks of other words.
коронавирус
коронавирусный	Достоевский
ковид
ковидный	Достоевский
антиковидный	Достоевский
локдаун
самоизоляция	Мария
вакцинированный	Достоевский
невакцинированный	Достоевский
ревакцинация	Мария
твит
твиттер
ретвит
хэштег
подкаст
блогер
видеоблогер
мессенджер
смартфон
стартап
криптовалюта	мама
биткоин
блокчейн
дедлайн
онлайн
офлайн
фейк
фейковый	Достоевский
кибератака	мама
кибербезопасность	Игорь
киберпреступность	Игорь
беспилотник
врио
скрининг
волатильность	Игорь
