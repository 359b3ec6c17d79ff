#!/usr/bin/env python3
"""qa_plant.py — planted translation errors for benchmarking `talign check`.

Usage: qa_plant.py WMT21_DIR OUT_DIR [--seed N]

Input: WMT21_DIR/DOC.en and DOC.ru, line-aligned professional translations (one segment a
line; DOC.para.* are ignored). Nothing from it is stored in the repository: this script
reads it at run time.

Output, per document DOC (all UTF-8, "\n" line ends):
  OUT_DIR/DOC.en, DOC.ru          the pair with planted errors, one sentence (segment) a
                                  line: feed them to `talign check --presegmented`
  OUT_DIR/DOC.clean.en, .clean.ru the untouched pair (the false-alarm test)
  OUT_DIR/DOC.glossary.tsv        EN_TERM<TAB>RU_TERM (Russian in dictionary form); 0-4
                                  terms that the untouched translation renders consistently
  OUT_DIR/DOC.truth.jsonl         one JSON object per planted error:
     kind   omission | addition | clause_omission | number | spelling | name | term | moved
     en, ru 0-based line numbers in the OUTPUT DOC.en / DOC.ru that the error concerns:
            omission  en [the English line left without a counterpart], ru []
            addition  en [], ru [the Russian line left without a counterpart]
            moved     en [the English line], ru [the moved Russian line's new position]
            others    en [i], ru [j] (the edited pair)
     lang   spelling: "en" or "ru" (the side with the typo); others: the side edited
     word   the planted word (spelling: the typo; number: the new number; name: the new
            surname; term: the substituted Russian word), "" for omissions and moves
     orig   what was there before (word, number, deleted line or clause)
     term   term only: the glossary's English term; moved only: "from" = the Russian line's
            old position in the untouched file
     line   the line number in the untouched files (DOC.clean.*)
  OUT_DIR/summary.json            counts of planted errors per kind

What is planted (each error on its own line pair; at most 40 % of a document's line pairs;
kinds that are scarcest so far are planted first, so every kind gets a fair share):
  omission         a Russian line (>= 5 words, not the headline) is deleted
  addition         an English line (>= 5 words, not the headline) is deleted
  clause_omission  in a Russian sentence of >= 15 words, a clause with >= 4 content words is
                   deleted: from a comma to the next comma or the sentence end when it opens
                   with a relative or subordinating word, a conjunction or a participle
                   ("..., который ...", "..., а также ...", "..., покинувший ..."), or from
                   the last "а/но/однако" to the end; at least 3 words stay before the cut
  number           a number (digits) that the Russian line shares with the English line (and
                   holds once) is changed (+1, x10 or one digit), to a value the English line does not hold
  spelling en/ru   a lower-case word of >= 5 letters that hunspell accepts gets a typo (swap
                   two adjacent inner letters, drop or double an inner letter) that hunspell
                   rejects
  name             a capitalised, non-initial Russian word that transliterates to a
                   capitalised English word of the same line (a surname, in a masculine
                   case form, once in the Russian line; unknown to both hunspell dictionaries) is replaced by a common Russian surname in the same case
  term             a glossary term's Russian word is replaced by a synonym-like substitute
                   with the same ending, on a line where both sides hold the term
  moved            a Russian line (>= 5 words, neither first nor last) is moved >= 4 lines away
Structural errors (omission, addition, moved and the destination of a move) are kept at
least one line apart. Everything is deterministic given --seed (default 1).
Standard library only; hunspell is loaded through ctypes (libhunspell-1.7.so.0 and the
dictionaries in /usr/share/hunspell, or $QA_HUNSPELL_DIR).
"""
import argparse
import ctypes
import difflib
import json
import os
import random
import re
import sys

MAX_PLANTED_SHARE = 0.4        # at most this share of a document's line pairs is planted
MIN_DELETED_WORDS = 5          # a deleted or moved line holds at least this many words
MIN_CLAUSE_SENTENCE_WORDS = 15
MIN_CLAUSE_CONTENT_WORDS = 4
MIN_CLAUSE_REMAINING_WORDS = 6
MIN_CLAUSE_KEPT_PIECE = 3      # words between the cut and the comma before it
MIN_MOVE_DISTANCE = 4
MIN_TYPO_WORD = 5
NAME_SIMILARITY = 0.75         # difflib ratio between transliterations
KINDS = ["omission", "addition", "clause_omission", "number", "spelling_en", "spelling_ru",
         "name", "term", "moved"]
STRUCTURAL = {"omission", "addition", "moved"}

# ---- hunspell through ctypes ----------------------------------------------------------------


class Speller:
    """hunspell's Hunspell_spell() for one dictionary."""

    def __init__(self, lib, dict_dir, lang):
        lib.Hunspell_create.restype = ctypes.c_void_p
        lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.Hunspell_get_dic_encoding.restype = ctypes.c_char_p
        lib.Hunspell_get_dic_encoding.argtypes = [ctypes.c_void_p]
        aff = os.path.join(dict_dir, lang + ".aff")
        dic = os.path.join(dict_dir, lang + ".dic")
        if not (os.path.exists(aff) and os.path.exists(dic)):
            sys.exit(f"qa_plant: no hunspell dictionary {dic}")
        self.lib = lib
        self.h = lib.Hunspell_create(aff.encode(), dic.encode())
        self.enc = lib.Hunspell_get_dic_encoding(self.h).decode() or "UTF-8"
        self.cache = {}

    def ok(self, word):
        if word not in self.cache:
            try:
                b = word.encode(self.enc)
            except UnicodeEncodeError:
                self.cache[word] = False
                return False
            self.cache[word] = bool(self.lib.Hunspell_spell(self.h, b))
        return self.cache[word]


def load_spellers():
    try:
        lib = ctypes.CDLL("libhunspell-1.7.so.0")
    except OSError:
        sys.exit("qa_plant: cannot load libhunspell-1.7.so.0 (apt-get install libhunspell-1.7-0)")
    d = os.environ.get("QA_HUNSPELL_DIR", "/usr/share/hunspell")
    return {"en": Speller(lib, d, "en_US"), "ru": Speller(lib, d, "ru_RU")}


# ---- language data --------------------------------------------------------------------------

RU_STOP = set("""и в во не что он на я с со как а то все всё она так его но да ты к у же вы за бы
по только ее её мне было вот от меня еще ещё нет о об из ему когда даже ли если уже или ни быть
был него до вас опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для
мы тебя их чем была сам чтоб без чего раз тоже себе под будет ж тогда кто этот того потому
этого какой ним здесь этом один почти мой тем чтобы нее неё были куда всех можно при два над
больше тот через эти нас про всего них какая много три эту свою этой перед том такой им более
всегда всю между это также который которая которые которых котором которой которого которым
свой своей своего своих своим является являются был была были будут может могут однако""".split())

# Declension classes: the endings a stem takes (Russian, lower case, е for ё).
ENDINGS = {
    "M": ["", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"],
    "MK": ["", "а", "у", "ом", "ем", "е", "и", "ов", "ей", "ам", "ами", "ах"],
    "F": ["а", "ы", "е", "у", "ой", "ою", "", "ам", "ами", "ах"],
    "FK": ["а", "и", "ы", "е", "у", "ой", "ей", "", "ам", "ами", "ах"],
    "N": ["о", "а", "у", "ом", "е", "", "ам", "ами", "ах"],
    "IA": ["я", "и", "ю", "ей", "й", "ям", "ями", "ях"],
    "IE": ["е", "я", "ю", "ем", "и", "й", "ям", "ями", "ях"],
    "MS": ["ь", "я", "ю", "ем", "е", "и", "ей", "ям", "ями", "ях"],
    "FS": ["ь", "и", "ью", "ей", "ям", "ями", "ях"],
}

# Frequent news words: English forms | Russian dictionary form | Russian stem | class |
# substitute stem (a synonym-like word of the same declension, as a careless translator or
# a translation memory would put it).
TERMS_TEXT = """
president presidents|президент|президент|M|лидер
government governments|правительство|правительств|N|руководств
police|полиция|полици|IA|милици
minister ministers|министр|министр|M|чиновник
country countries|страна|стран|F|держав
court courts|суд|суд|M|трибунал
company companies|компания|компани|IA|корпораци
war wars|война|войн|F|битв
law laws|закон|закон|M|указ
virus viruses|вирус|вирус|M|микроб
hospital hospitals|больница|больниц|FK|лечебниц
patient patients|пациент|пациент|M|клиент
doctor doctors|врач|врач|MK|медик
army armies|армия|арми|IA|гварди
party parties|партия|парти|IA|фракци
investigation investigations|расследование|расследовани|IE|дознани
bank banks|банк|банк|MK|фонд
project projects|проект|проект|M|план
agreement agreements|соглашение|соглашени|IE|согласовани
treaty treaties|договор|договор|M|пакт
crisis crises|кризис|кризис|M|коллапс
protest protests|протест|протест|M|митинг
security|безопасность|безопасност|FS|защищенност
ministry ministries|министерство|министерств|N|ведомств
region regions|регион|регион|M|район
official officials|чиновник|чиновник|MK|функционер
woman women|женщина|женщин|F|дам
storm storms|шторм|шторм|M|ураган
airport airports|аэропорт|аэропорт|M|аэродром
plane planes aircraft|самолет|самолет|M|лайнер
tax taxes|налог|налог|MK|сбор
study studies research|исследование|исследовани|IE|обследовани
team teams|команда|команд|F|бригад
season seasons|сезон|сезон|M|чемпионат
club clubs|клуб|клуб|M|коллектив
coach coaches|тренер|тренер|M|наставник
monument monuments|памятник|памятник|MK|монумент
island islands|остров|остров|M|архипелаг
lawyer lawyers|адвокат|адвокат|M|юрист
crime crimes|преступление|преступлени|IE|правонарушени
murder murders|убийство|убийств|N|злодейств
accident accidents|авария|авари|IA|трагеди
pandemic|пандемия|пандеми|IA|эпидеми
test tests|тест|тест|M|анализ
parliament|парламент|парламент|M|сенат
senator senators|сенатор|сенатор|M|депутат
governor governors|губернатор|губернатор|M|мэр
mayor|мэр|мэр|M|бургомистр
council|совет|совет|M|комитет
committee|комитет|комитет|M|совет
embassy|посольство|посольств|N|консульств
employee employees|сотрудник|сотрудник|MK|работник
student students|студент|студент|M|курсант
university universities|университет|университет|M|институт
election elections|выборы|выбор|M|референдум
vote votes voting|голосование|голосовани|IE|волеизъявлени
campaign campaigns|кампания|кампани|IA|акци
bridge bridges|мост|мост|M|путепровод
building buildings|здание|здани|IE|сооружени
phone phones|телефон|телефон|M|смартфон
computer computers|компьютер|компьютер|M|ноутбук
planet planets|планета|планет|F|звезд
dog dogs|собака|собак|FK|дворняг
restaurant restaurants|ресторан|ресторан|M|трактир
hotel hotels|отель|отел|MS|мотел
queen|королева|королев|F|императриц
champion champions|чемпион|чемпион|M|призер
tournament tournaments|турнир|турнир|M|чемпионат
passenger passengers|пассажир|пассажир|M|турист
journalist journalists|журналист|журналист|M|репортер
statement statements|заявление|заявлени|IE|высказывани
decision decisions|решение|решени|IE|постановлени
fund funds|фонд|фонд|M|капитал
factory factories plant|завод|завод|M|комбинат
missile missiles|ракета|ракет|F|торпед
mask masks|маска|маск|FK|повязк
vaccine vaccines|вакцина|вакцин|F|сыворотк
"""


def load_terms():
    terms = []
    for line in TERMS_TEXT.strip().splitlines():
        en, lemma, stem, cls, sub = line.split("|")
        terms.append({"en": en.split(), "lemma": lemma, "stem": stem, "endings": ENDINGS[cls],
                      "sub": sub})
    return terms


TERMS = load_terms()

SURNAMES = """Петров Смирнов Кузнецов Попов Соколов Лебедев Козлов Новиков Морозов Волков
Васильев Зайцев Павлов Семенов Голубев Виноградов Богданов Федоров Михайлов Тарасов Белов
Комаров Орлов Киселев Макаров Андреев Ковалев Ильин Гусев Титов Кудрявцев Баранов Куликов
Алексеев Степанов Яковлев Сорокин Сергеев Романов Захаров Борисов Королев Герасимов
Пономарев Григорьев Лазарев Медведев Ершов Никитин""".split()
# masculine case ending of the replaced word -> the ending an -ов/-ин surname takes there
NAME_ENDINGS = {"": "", "а": "а", "у": "у", "ом": "ым", "ым": "ым", "е": "е"}
EN_NOT_PERSON = set("""The A An In On At Of For And But Or It He She We They This That These
Those His Her Their Our Its Mr Mrs Ms Dr New San Los Las North South East West United Saint
St Fort Port Lake Mount Cape Great January February March April May June July August
September October November December Monday Tuesday Wednesday Thursday Friday Saturday
Sunday""".split())

TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n",
                     "o", "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sch", "", "y",
                     "", "e", "yu", "ya"]))


def norm_latin(s):
    """A rough phonetic key, so that Biden ~ Байден, Johnson ~ Джонсон."""
    s = s.lower()
    for a, b in (("dzh", "j"), ("zh", "j"), ("ph", "f"), ("ck", "k"), ("kh", "h"),
                 ("ts", "c"), ("tz", "c"), ("x", "ks"), ("q", "k"), ("w", "v"), ("y", "i"),
                 ("j", "j"), ("c", "k"), ("ee", "i"), ("ou", "u"), ("oo", "u")):
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    return s


def translit_ru(word):
    return norm_latin("".join(TRANSLIT.get(c, c) for c in word.lower()))


def similar(a, b):
    return difflib.SequenceMatcher(None, a, b).ratio()


# ---- tokens ---------------------------------------------------------------------------------

WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
CYR = "а-яёА-ЯЁ"
LAT = "A-Za-z"


def words(text):
    return WORD_RE.findall(text)


def n_words(text):
    return len(text.split())


def is_consonant_ru(c):
    return c.lower() in "бвгджзклмнпрстфхцчшщ"


# ---- candidates for each kind: lists of (line, payload) ------------------------------------

def cand_deletion(side_lines, n):
    return [(i, None) for i in range(1, n) if n_words(side_lines[i]) >= MIN_DELETED_WORDS]


def cand_moved(ru, n):
    out = []
    for i in range(1, n - 1):
        if n_words(ru[i]) < MIN_DELETED_WORDS:
            continue
        # q: insert before untouched line q (q == n: at the end); new position q-1 or q
        for q in range(1, n + 1):
            if (q > i and q - 1 - i >= MIN_MOVE_DISTANCE) or (q < i and i - q >= MIN_MOVE_DISTANCE):
                out.append((i, q))
    return out


COMMA_RE = re.compile(r",\s")
CONJ_RE = re.compile(r"\s(?:а|но|однако)\s")   # "и" joins noun phrases too often
# what a clause that can go starts with: a relative or subordinating word, a coordinating
# conjunction, or a participle ("покинувший ..."); not "что"/"чтобы" (a verb's complement)
CLAUSE_OPENER_RE = re.compile(
    r"\s*(?:[-–—]\s*)?(?:(?:котор|чь?[еёияю])\w*|когда|где|куда|откуда|если|хотя|поскольку|"
    r"так как|потому что|пока|после того|после чего|в то время как|и|а|но|однако|"
    r"причем|причём|при этом|в том числе|включая|благодаря|\w+(?:вш|ющ|ящ|ащ|ущ|енн|анн|нн)"
    r"(?:ий|ая|ое|ее|ие|их|им|ей|его|ему|ую|ым|ыми|ими|ой|ый|ого|ом|ем|ую))\b", re.I)


def content_words(text):
    return [w for w in re.findall(r"[\w]+", text) if w.lower() not in RU_STOP]


def balanced(s):
    return (s.count("«") == s.count("»") and s.count("(") == s.count(")")
            and s.count('"') % 2 == 0 and s.count("„") == s.count("“"))


def clause_spans(line):
    """(start, end) spans whose deletion leaves a grammatical-looking sentence."""
    if n_words(line) < MIN_CLAUSE_SENTENCE_WORDS:
        return []
    body_end = len(line.rstrip())
    while body_end > 0 and line[body_end - 1] in ".!?…":
        body_end -= 1
    commas = [m.start() for m in COMMA_RE.finditer(line, 0, body_end)]
    spans = []
    for k, c in enumerate(commas):       # ", span" up to the next comma or the sentence end
        end = commas[k + 1] if k + 1 < len(commas) else body_end
        if CLAUSE_OPENER_RE.match(line, c + 1):
            spans.append((c, end))
    conj = list(CONJ_RE.finditer(line, 0, body_end))
    if conj:                               # " и span" to the end, after a content word
        before = line[:conj[-1].start()].rstrip(" ,")
        last = re.findall(r"\w+", before)[-1:] or [""]
        if last[0].lower() not in RU_STOP:
            spans.append((len(before), body_end))
    out = []
    for s, e in spans:
        cut = line[s:e]
        rest = line[:s] + line[e:]
        kept_before = line[:s].split(",")[-1]      # the piece the cut leaves at its left
        if (len(content_words(cut)) >= MIN_CLAUSE_CONTENT_WORDS and balanced(cut)
                and not re.search(r"[.!?…:;]\s", cut)
                and n_words(kept_before) >= MIN_CLAUSE_KEPT_PIECE
                and n_words(rest) >= MIN_CLAUSE_REMAINING_WORDS and s > 0):
            out.append((s, e))
    return out


EN_NUM_RE = re.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?")
RU_NUM_RE = re.compile(r"(?<![\w.,])\d+(?:[ \u00a0]\d{3})*(?:,\d+)?(?![\w])")


def num_value(s, lang):
    s = s.replace(" ", "").replace("\u00a0", "")
    s = s.replace(",", "") if lang == "en" else s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def changed_numbers(tok, rng):
    """Plausible wrong values for the number written `tok` (Russian format)."""
    out = []
    if re.fullmatch(r"\d+", tok) and 1900 <= int(tok) <= 2099:      # a year
        out = [str(int(tok) + d) for d in (-2, -1, 1, 2)]
        rng.shuffle(out)
        return out
    if re.fullmatch(r"[1-9]\d*", tok):
        out += [str(int(tok) + 1), str(int(tok) * 10)]
    digits = [k for k, c in enumerate(tok) if c.isdigit()]
    for k in digits:
        for d in "0123456789":
            if d != tok[k] and not (k == 0 and d == "0"):
                out.append(tok[:k] + d + tok[k + 1:])
    rng.shuffle(out)
    return out


def cand_number(en_line, ru_line, rng):
    en_vals = {num_value(m.group(), "en") for m in EN_NUM_RE.finditer(en_line)}
    ru_vals = [num_value(m.group(), "ru") for m in RU_NUM_RE.finditer(ru_line)]
    out = []
    for m in RU_NUM_RE.finditer(ru_line):
        tok = m.group()
        s = m.start()
        if s > 0 and (ru_line[s - 1].isalpha() or (ru_line[s - 1] == "-" and s > 1 and ru_line[s - 2].isalpha())):
            continue
        if re.match(r"0\d", tok):         # codes such as 008
            continue
        v = num_value(tok, "ru")
        if v is None or v not in en_vals or ru_vals.count(v) > 1:
            continue                     # the English lacks it, or a copy would stay
        for new in changed_numbers(tok, rng):
            if num_value(new, "ru") not in en_vals:
                out.append((m.start(), m.end(), tok, new))
                break
    return out


def typos(word):
    """Every typo of `word` that the rules allow: swap, drop or double an inner letter."""
    out = []
    for k in range(1, len(word) - 2):
        if word[k] != word[k + 1]:
            out.append(word[:k] + word[k + 1] + word[k] + word[k + 2:])
    for k in range(1, len(word) - 1):
        out.append(word[:k] + word[k + 1:])
        out.append(word[:k] + word[k] + word[k:])
    return sorted(set(t for t in out if t != word))


def cand_spelling(line, lang, speller, rng):
    letters = LAT if lang == "en" else CYR
    lower = "a-z" if lang == "en" else "а-яё"
    pat = re.compile(rf"(?<![\w'’\-])[{lower}][{letters}]{{{MIN_TYPO_WORD - 1},}}(?![\w'’\-])")
    out = []
    for m in pat.finditer(line):
        w = m.group()
        if w.lower() != w or not speller.ok(w):
            continue
        ts = [t for t in typos(w) if not speller.ok(t)]
        if ts:
            out.append((m.start(), m.end(), w, rng.choice(ts)))
    return out


SENT_START_RE = re.compile(r"(?:^|[.!?…]\s+|[«\"“(]\s*)$")


def cand_name(en_line, ru_line, en_doc_text, sp):
    """Surnames: not in either dictionary (which would make them common words or well-known
    places), not followed by another capitalised word (a first name), and written
    "First Surname" or "Mr Surname" somewhere in the English document."""
    en_caps = [m.group() for m in re.finditer(r"\b[A-Z][a-z]{2,}\b(?! [A-Z])", en_line)
               if m.group() not in EN_NOT_PERSON and not sp["en"].ok(m.group().lower())]
    if not en_caps:
        return []
    keys = {w: norm_latin(w) for w in en_caps}
    out = []
    for m in re.finditer(rf"(?<![{CYR}\-])[А-ЯЁ][а-яё]{{2,}}(?![{CYR}\-])", ru_line):
        w = m.group()
        if SENT_START_RE.search(ru_line[:m.start()]) or sp["ru"].ok(w) or sp["ru"].ok(w.lower()):
            continue
        best = None
        for ending in NAME_ENDINGS:
            if ending and not w.endswith(ending):
                continue
            stem = w[:len(w) - len(ending)]
            if len(stem) < 3 or not is_consonant_ru(stem[-1]):
                continue
            tk = translit_ru(stem)
            for en_w, k in keys.items():
                r = similar(tk, k)
                if r >= NAME_SIMILARITY and tk[0] == k[0] and (best is None or r > best[0]):
                    best = (r, ending, en_w)
        if best is None:
            continue
        r, ending, en_w = best
        if ending and similar(translit_ru(w), keys[en_w]) >= r:
            continue                     # the English name ends so too: indeclinable
        # a person: somewhere the English says "First Surname" or "Mr Surname"
        firsts = re.findall(rf"\b([A-Z][a-z]+)\.? {en_w}\b", en_doc_text)
        if not any(f in ("Mr", "Mrs", "Ms", "Dr") or (f not in EN_NOT_PERSON and not sp["en"].ok(f.lower()))
                   for f in firsts):
            continue
        if len(re.findall(rf"\b{w[:4]}", ru_line)) > 1:
            continue                     # the name again in the line: a copy would stay
        out.append((m.start(), m.end(), w, ending, en_w))
    return out


def pick_surname(rng, ending, en_doc_text, ru_doc_text):
    pool = [s for s in SURNAMES
            if s[:4] not in ru_doc_text and norm_latin(translit_ru(s))[:4] not in norm_latin(en_doc_text)]
    s = rng.choice(pool)
    return s + NAME_ENDINGS[ending]


def ru_term_matches(term, ru_line):
    """(start, end, word, ending) of the term's forms in a Russian line."""
    out = []
    for m in re.finditer(rf"[{CYR}]+", ru_line):
        w = m.group().lower().replace("ё", "е")
        if w.startswith(term["stem"]) and w[len(term["stem"]):] in term["endings"]:
            out.append((m.start(), m.end(), m.group(), w[len(term["stem"]):]))
    return out


def en_term_in(term, en_line):
    toks = {w.lower() for w in re.findall(r"[A-Za-z]+", en_line)}
    return any(f in toks for f in term["en"])


def consistent_terms(en, ru):
    """Terms the untouched translation renders on every line where the English has them."""
    out = []
    for t in TERMS:
        lines = [i for i in range(len(en)) if en_term_in(t, en[i])]
        if lines and all(ru_term_matches(t, ru[i]) for i in lines):
            if not any(ru_term_matches({"stem": t["sub"], "endings": t["endings"]}, r) for r in ru):
                out.append((t, lines))
    return out


def case_like(src, new):
    return new[0].upper() + new[1:] if src[0].isupper() else new


# ---- one document ---------------------------------------------------------------------------

class Doc:
    def __init__(self, name, en, ru):
        self.name, self.en, self.ru = name, list(en), list(ru)
        self.n = len(en)
        self.used = set()          # lines (pairs) with a planted error
        self.struct_zone = set()   # lines within 1 of a structural error or a move's gap
        self.deleted_en, self.deleted_ru = set(), set()
        self.move = None           # (source line, insert before untouched line q)
        self.records = []          # (kind, line, fields)
        self.glossary = []

    def free(self, i):
        return i not in self.used

    def free_struct(self, i):
        return i not in self.used and i not in self.struct_zone

    def take(self, i, structural=False):
        self.used.add(i)
        if structural:
            self.struct_zone.update((i - 1, i, i + 1))


def replace(line, s, e, new):
    return line[:s] + new + line[e:]


def plant_kind(d, kind, rng, sp, en_text, ru_text):
    """Plants one error of `kind` in `d`; False when the document offers no place for it."""
    n = d.n
    if kind in ("omission", "addition"):
        side = d.ru if kind == "omission" else d.en
        c = [x for x in cand_deletion(side, n) if d.free_struct(x[0])]
        if not c:
            return False
        i, _ = rng.choice(c)
        d.take(i, True)
        (d.deleted_ru if kind == "omission" else d.deleted_en).add(i)
        d.records.append((kind, i, {"lang": "ru" if kind == "omission" else "en", "word": "",
                                    "orig": side[i]}))
        return True
    if kind == "moved":
        c = [(i, q) for i, q in cand_moved(d.ru, n)
             if d.free_struct(i) and all(x not in d.used or x == i for x in (q - 1, q))
             and not ({q - 1, q} & (d.deleted_en | d.deleted_ru))]
        if not c:
            return False
        i, q = rng.choice(c)
        d.take(i, True)
        d.struct_zone.update((q - 1, q))
        d.move = (i, q)
        d.records.append((kind, i, {"lang": "ru", "word": "", "orig": d.ru[i]}))
        return True
    lines = [i for i in range(n) if d.free(i)]
    rng.shuffle(lines)
    for i in lines:
        if kind == "clause_omission":
            c = clause_spans(d.ru[i])
            if c:
                s, e = rng.choice(c)
                orig = d.ru[i][s:e]
                d.ru[i] = replace(d.ru[i], s, e, "")
                d.take(i)
                d.records.append((kind, i, {"lang": "ru", "word": "", "orig": orig.strip(" ,")}))
                return True
        elif kind == "number":
            c = cand_number(d.en[i], d.ru[i], rng)
            if c:
                s, e, tok, new = rng.choice(c)
                d.ru[i] = replace(d.ru[i], s, e, new)
                d.take(i)
                d.records.append((kind, i, {"lang": "ru", "word": new, "orig": tok}))
                return True
        elif kind in ("spelling_en", "spelling_ru"):
            lang = kind[-2:]
            side = d.en if lang == "en" else d.ru
            c = cand_spelling(side[i], lang, sp[lang], rng)
            if c:
                s, e, w, t = rng.choice(c)
                side[i] = replace(side[i], s, e, t)
                d.take(i)
                d.records.append(("spelling", i, {"lang": lang, "word": t, "orig": w}))
                return True
        elif kind == "name":
            c = cand_name(d.en[i], d.ru[i], en_text, sp)
            if c:
                s, e, w, ending, en_w = rng.choice(c)
                new = pick_surname(rng, ending, en_text, ru_text)
                d.ru[i] = replace(d.ru[i], s, e, new)
                d.take(i)
                d.records.append((kind, i, {"lang": "ru", "word": new, "orig": w,
                                            "en_name": en_w}))
                return True
        elif kind == "term":
            for t, tl in d.glossary:
                if i in tl:
                    ms = ru_term_matches(t, d.ru[i])
                    new_words = []
                    for s, e, w, ending in reversed(ms):
                        new = case_like(w, t["sub"] + ending)
                        d.ru[i] = replace(d.ru[i], s, e, new)
                        new_words.append(new)
                    d.take(i)
                    d.records.append((kind, i, {"lang": "ru", "word": new_words[-1],
                                                "orig": ms[0][2], "term": t["en"][0]}))
                    return True
    return False


def build_glossary(d, rng):
    terms = consistent_terms(d.en, d.ru)
    rng.shuffle(terms)
    k = min(len(terms), rng.randint(2, 4))
    d.glossary = terms[:k]


def finish(d):
    """Applies deletions and the move; returns output lines and truth records."""
    en_idx = [i for i in range(d.n) if i not in d.deleted_en]
    ru_idx = [i for i in range(d.n) if i not in d.deleted_ru]
    if d.move:
        i, q = d.move
        ru_idx.remove(i)
        pos = ru_idx.index(q) if q < d.n else len(ru_idx)
        ru_idx.insert(pos, i)
    en_pos = {i: k for k, i in enumerate(en_idx)}
    ru_pos = {i: k for k, i in enumerate(ru_idx)}
    truth = []
    for kind, i, f in sorted(d.records, key=lambda r: r[1]):
        rec = {"kind": kind, "en": [], "ru": []}
        if kind != "addition":
            rec["en"] = [en_pos[i]]
        if kind != "omission":
            rec["ru"] = [ru_pos[i]]
        rec.update(f)
        if kind == "moved":
            rec["from"] = i
        rec["line"] = i
        truth.append(rec)
    return [d.en[i] for i in en_idx], [d.ru[i] for i in ru_idx], truth


def doc_names(src):
    names = set()
    for f in os.listdir(src):
        if f.endswith(".en") and not f.endswith(".para.en"):
            b = f[:-3]
            if os.path.exists(os.path.join(src, b + ".ru")):
                names.add(b)
    return sorted(names)


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\r\n").replace("\t", " ") for l in f]


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        for l in lines:
            f.write(l + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    sp = load_spellers()
    os.makedirs(a.out, exist_ok=True)
    counts = {k: 0 for k in KINDS}
    total_lines = planted_lines = 0
    for name in doc_names(a.src):
        en = read_lines(os.path.join(a.src, name + ".en"))
        ru = read_lines(os.path.join(a.src, name + ".ru"))
        if len(en) != len(ru):
            print(f"qa_plant: {name}: {len(en)} English and {len(ru)} Russian lines, skipped",
                  file=sys.stderr)
            continue
        rng = random.Random(f"{a.seed}/{name}")
        d = Doc(name, en, ru)
        build_glossary(d, rng)
        budget = max(1, int(d.n * MAX_PLANTED_SHARE))
        order = sorted(KINDS, key=lambda k: counts[k] + rng.random())
        for kind in order:
            if len(d.used) >= budget:
                break
            if plant_kind(d, kind, rng, sp, "\n".join(en), "\n".join(ru)):
                counts[kind] += 1
        out_en, out_ru, truth = finish(d)
        p = os.path.join(a.out, name)
        write_lines(p + ".en", out_en)
        write_lines(p + ".ru", out_ru)
        write_lines(p + ".clean.en", en)
        write_lines(p + ".clean.ru", ru)
        write_lines(p + ".glossary.tsv", [f"{t['en'][0]}\t{t['lemma']}" for t, _ in d.glossary])
        write_lines(p + ".truth.jsonl", [json.dumps(r, ensure_ascii=False) for r in truth])
        total_lines += d.n
        planted_lines += len(d.used)
    with open(os.path.join(a.out, "summary.json"), "w") as f:
        json.dump({"seed": a.seed, "line_pairs": total_lines, "planted_line_pairs": planted_lines,
                   "planted": counts}, f, indent=1)
    print(f"qa_plant: {total_lines} line pairs, {planted_lines} planted: "
          + ", ".join(f"{k} {v}" for k, v in counts.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
