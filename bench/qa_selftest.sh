#!/bin/sh
# Self-test of the planted-error benchmark (bench/qa_plant.py, bench/qa_eval.py) with the
# stand-in checker bench/qa_fake_check.py: perfect findings must score recall 1.0 and no false
# alarms, no findings must score 0, and planted false alarms must be counted exactly; the
# planter must be deterministic and its truth must point at the lines it changed.
# Usage: bench/qa_selftest.sh [WMT21_DIR]   (default: a small made-up corpus written here, so
# the test needs nothing outside the repository)
set -eu
B=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
if [ $# -ge 1 ]; then SRC=$1; else
SRC=$T/src; mkdir -p "$SRC"
python3 - "$SRC" <<'EOF'
import sys
pairs = [
 ("Police detain protesters in Portland", "Полиция задержала протестующих в Портленде"),
 ("Police in Portland detained 25 people on Saturday night after a protest near the federal court building turned violent.",
  "В субботу вечером полиция Портленда задержала 25 человек после того, как протест у здания федерального суда перерос в беспорядки."),
 ("Mayor Ted Wheeler said the police acted within the law and that nobody was seriously injured.",
  "Мэр Тед Уилер заявил, что полиция действовала в рамках закона и что никто серьезно не пострадал."),
 ("About 300 people gathered outside the building, where they chanted slogans and threw bottles at officers.",
  "Около 300 человек собрались у здания, где они скандировали лозунги и бросали бутылки в сотрудников."),
 ("The protests began in May after the death of George Floyd in Minneapolis.",
  "Протесты начались в мае после гибели Джорджа Флойда в Миннеаполисе."),
 ("Wheeler told reporters that the city would review the actions of every officer involved in the arrests.",
  "Уилер сообщил журналистам, что город проверит действия каждого сотрудника, участвовавшего в задержаниях."),
 ("Local businesses reported damage to 12 shop windows and two cars.",
  "Местные предприятия сообщили о повреждении 12 витрин и двух автомобилей."),
 ("The governor of Oregon, Kate Brown, called for calm and promised to meet community leaders next week.",
  "Губернатор Орегона Кейт Браун призвала к спокойствию и пообещала встретиться с лидерами общин на следующей неделе."),
 ("According to the police, 4 officers were treated for minor injuries in hospital.",
  "По данным полиции, 4 сотрудника получили медицинскую помощь в больнице в связи с легкими травмами."),
 ("Brown said that the state would send additional troopers to the city if the violence continued.",
  "Браун заявила, что штат направит в город дополнительных полицейских, если насилие продолжится."),
 ("Organisers of the march, who had asked participants to remain peaceful, condemned the attacks on officers and the damage to property in the city centre.",
  "Организаторы марша, которые просили участников сохранять спокойствие и не поддаваться на провокации в центре города, осудили нападения на сотрудников и повреждение имущества."),
 ("The next rally is planned for Sunday evening in the same park.",
  "Следующий митинг запланирован на вечер воскресенья в том же парке."),
 ("A court hearing for the detained protesters is scheduled for 9 August.",
  "Слушание в суде по делу задержанных протестующих назначено на 9 августа."),
 ("Wheeler added that he supported the right to protest, but would not tolerate violence in Portland.",
  "Уилер добавил, что поддерживает право на протест, но не потерпит насилия в Портленде."),
]
for d in range(4):
    sel = pairs[:1] + pairs[1 + d % 3:] + pairs[1:1 + d % 3]
    with open(f"{sys.argv[1]}/doc{d}.en", "w") as e, open(f"{sys.argv[1]}/doc{d}.ru", "w") as r:
        for en, ru in sel:
            e.write(en + "\n"); r.write(ru + "\n")
EOF
fi
fail=0
ok() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }

python3 "$B/qa_plant.py" "$SRC" "$T/a" --seed 7 2>/dev/null
python3 "$B/qa_plant.py" "$SRC" "$T/b" --seed 7 2>/dev/null
ok "planting is deterministic" 'diff -r "$T/a" "$T/b" >/dev/null'
python3 "$B/qa_plant.py" "$SRC" "$T/c" --seed 8 2>/dev/null
ok "another seed plants elsewhere" '! diff -r "$T/a" "$T/c" >/dev/null'

# the truth points at the lines that changed
python3 - "$T/a" <<'EOF' && echo "ok   truth matches the planted files" || { echo "FAIL truth matches the planted files"; exit 1; }
import glob, json, sys
bad = kinds = 0
seen = set()
for t in sorted(glob.glob(sys.argv[1] + "/*.truth.jsonl")):
    d = t[:-len(".truth.jsonl")]
    L = lambda f: open(f, encoding="utf-8").read().split("\n")[:-1]
    en, ru, ce, cr = L(d + ".en"), L(d + ".ru"), L(d + ".clean.en"), L(d + ".clean.ru")
    untouched = 0
    for l in open(t, encoding="utf-8"):
        r = json.loads(l); i = r["line"]; k = r["kind"]
        seen.add(k if k != "spelling" else "spelling_" + r["lang"])
        if k == "omission": ok = en[r["en"][0]] == ce[i] and cr[i] not in ru and not r["ru"]
        elif k == "addition": ok = ru[r["ru"][0]] == cr[i] and ce[i] not in en and not r["en"]
        elif k == "moved": ok = ru[r["ru"][0]] == cr[i] and en[r["en"][0]] == ce[i]
        elif r["lang"] == "en": ok = ru[r["ru"][0]] == cr[i] and en[r["en"][0]] != ce[i] and r["word"] in en[r["en"][0]]
        else: ok = en[r["en"][0]] == ce[i] and ru[r["ru"][0]] != cr[i]
        if not ok: bad += 1; print("bad truth", d, r)
print("planted kinds:", " ".join(sorted(seen)))
sys.exit(1 if bad or len(seen) < 6 else 0)
EOF

for m in perfect empty alarms; do
  python3 "$B/qa_fake_check.py" "$T/a" "$T/r_$m" $m
  python3 "$B/qa_eval.py" "$T/a" "$T/r_$m" --json "$T/$m.json" --examples 0 > "$T/$m.txt"
done
fig() { python3 -c "import json,sys; f=json.load(open('$T/$1.json'))['figures']['all']; print($2)"; }
ok "perfect: every recall 1.0" '[ "$(fig perfect "all(v == 1.0 for v in f[\"recall\"].values() if v is not None)")" = True ]'
ok "perfect: moved both ends 1.0, nothing left" '[ "$(fig perfect "f[\"moved_both_ends\"] in (1.0, None) and f[\"moved_omission_left\"] == 0")" = True ]'
ok "perfect: no false alarms" '[ "$(fig perfect "sum(f[\"clean_per100\"].values()) + sum(f[\"planted_fa_per100\"].values())")" = 0.0 ]'
ok "empty: every recall 0" '[ "$(fig empty "all(v == 0.0 for v in f[\"recall\"].values() if v is not None)")" = True ]'
ok "alarms: one error per clean document" '[ "$(fig alarms "round(f[\"clean_per100\"][\"error\"] * f[\"clean_pairs\"] / 100) == f[\"docs\"]")" = True ]'
ok "alarms: wrong-word spelling findings are not false alarms on planted lines" '[ "$(fig alarms "f[\"planted_fa_per100\"][\"info\"]")" = 0.0 ]'
ok "alarms: error on an untouched planted line counted" '[ "$(fig alarms "f[\"planted_fa_per100\"][\"error\"] > 0")" = True ]'
ok "report prints targets and both halves" 'grep -q "even.*odd.*all" "$T/perfect.txt" && grep -q ">=0.95" "$T/perfect.txt"'
ok "empty report flags targets" 'grep -q "BELOW TARGET" "$T/empty.txt"'
exit $fail
