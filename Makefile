# talign — build, test, demo. `make` builds libtalign.a and bin/talign;
# `make test` and `make demo` first install missing Debian packages (`make deps`).
CC      ?= cc
B       ?= build
SAN     ?=
PKGS    := icu-uc icu-i18n hunspell libxml-2.0
# -O3: 4 % fewer instructions than -O2 on the 20k-line document of issue 14 (the aligner's DP
# and the featurizer's loops), the same outputs
OPT     ?= -O3 -g
XCFLAGS ?=
# the library's layers, lowest first: base (buffers, maps, UTF-8, data files), lexicon (the
# word evidence), the pipeline stages under align/ (text, segment, aligner, check)
INC     := base lexicon align align/segment align/aligner
CFLAGS  := $(OPT) $(XCFLAGS) -std=c11 -Wall -Wextra -Wpedantic -D_DEFAULT_SOURCE -Iinclude $(INC:%=-I%) \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS    := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lz -lm -lpthread
# bin/talign is linked fully static (-static: the Debian -dev packages' archives of ICU, hunspell,
# libxml2, Snowball, zlib, libstdc++ and glibc's own): no dynamic loader, no shared library to
# map, resolve and relocate. The shared libraries took 5 of the 16 ms of CPU one `talign align`
# of an article pair cost; then libc, libm and libgcc_s alone 1.3 of 7.5 ms. iconv's CP1251 and
# KOI8-R (and libxml2's declared encodings) still load glibc's gconv modules at run time, which
# must be of the glibc it was linked with (Debian's, on the machine that builds it). The linker's
# warnings about the glibc functions a static binary would have to load are filtered out
# (STATIC_WARNINGS): ICU's plugin dlopen (no plugins are configured) and libxml2's HTTP client
# (talign parses TMX with XML_PARSE_NONET). STATIC=0 links the libraries as shared ones, as the
# tests and sanitizer builds always do.
STATIC  ?= 1
BIN_LIBS := $(LIBS)
STATIC_WARNINGS := ^$$
ifeq ($(SAN),1)
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
else ifeq ($(STATIC),1)
BIN_LDFLAGS := -static
BIN_LIBS := $(filter-out -lpthread -lm -ldl,$(shell pkg-config --libs --static $(PKGS) 2>/dev/null)) \
            -lstemmer -lz -lstdc++ -lm -lpthread
STATIC_WARNINGS := in function .(uprv_dl_open_[0-9]*|xmlNanoHTTPConnectHost).:|Using .(dlopen|getaddrinfo|gethostbyname). in statically linked
endif

LIB_SRC  := $(wildcard base/*.c lexicon/*.c align/*/*.c corpora/*.c)
CLI_SRC  := $(wildcard cli/*.c)
TEST_SRC := $(wildcard tests/test_*.c)
DATA     := $(wildcard lexicon/abbrev.* lexicon/starters.* lexicon/stopwords.*) lexicon/titlecase.en lexicon/titles.en \
            lexicon/endings.en lexicon/endings.ru lexicon/roles.en lexicon/roles.ru \
            lexicon/boilerplate.txt lexicon/params.en-ru lexicon/names.en-ru lexicon/numbers.en lexicon/numbers.ru lexicon/months.en lexicon/months.ru \
            lexicon/numcheck.en lexicon/numcheck.ru lexicon/variants.en lexicon/spell.en lexicon/spell.ru lexicon/clause.en lexicon/clause.ru lexicon/irregular.en
LIB_OBJ  := $(LIB_SRC:%.c=$(B)/%.o) $(B)/embedded.o
CLI_OBJ  := $(CLI_SRC:%.c=$(B)/%.o)
TESTS    := $(TEST_SRC:tests/%.c=$(B)/tests/%)
ifeq ($(B),build)
BIN := bin/talign
else
BIN := $(B)/talign
endif

.PHONY: all deps test check demo bench cuts qa-bench speed fuzz fuzzdeps clean install
MUELLER := /usr/share/dictd/mueller7.dict.dz
LEX     := $(if $(wildcard $(MUELLER)),lexicon/en-ru.lex)
HUNDIR := /usr/share/hunspell
FORMS  := $(foreach l,en_US ru_RU,$(if $(wildcard $(HUNDIR)/$(l).dic),lexicon/forms.$(l)))
PARADIGMS := $(if $(and $(LEX),$(wildcard $(HUNDIR)/ru_RU.dic)),lexicon/paradigms.ru_RU)
all: $(B)/libtalign.a $(BIN) $(if $(filter build,$(B)),$(LEX) $(FORMS) $(PARADIGMS))

# the bilingual lexicon, built from Debian's mueller7-dict (not committed)
lexicon/en-ru.lex: lexicon/dictd.c lexicon/lexicon.c lexicon/stem.c lexicon/names.en-ru lexicon/variants.en $(MUELLER) | $(BIN)
	$(BIN) lexicon build -o $@

# the word forms of the hunspell dictionaries with hunspell's answers (also with the spelling
# check's words of lexicon/spell.*), which the headline rules and the spelling check map instead
# of loading libhunspell (base/wordforms.h; not committed); made again when the dictionaries, the
# words or the code that writes or answers from them change, not on every library change
SPELLWORDS := lexicon/spell.en lexicon/spell.ru
build/mkforms: scripts/mkforms.c build/libtalign.a
	$(CC) $(CFLAGS) $< build/libtalign.a $(LIBS) -o $@
lexicon/forms.%: scripts/mkforms.c base/wordforms.c base/wordforms.h base/utf8.c align/segment/headliner.c \
                 align/check/spellwords.c align/check/spellwords.h $(SPELLWORDS) \
                 $(HUNDIR)/%.aff $(HUNDIR)/%.dic | build/mkforms
	build/mkforms $(firstword $(subst _, ,$*)) $(HUNDIR)/$*.aff $(HUNDIR)/$*.dic $@ $(SPELLWORDS)

# the Snowball stems of the ru_RU forms of the lexicon's Russian words, for the checks' word
# evidence (scripts/mkforms.c says why; not committed)
lexicon/paradigms.ru_RU: scripts/mkforms.c lexicon/stem.c $(LEX) $(HUNDIR)/ru_RU.aff $(HUNDIR)/ru_RU.dic | build/mkforms
	build/mkforms paradigms $(HUNDIR)/ru_RU.aff $(HUNDIR)/ru_RU.dic $@ $(LEX)

deps:
	@sh scripts/deps.sh

$(B)/%.o: %.c include/talign.h $(wildcard $(INC:%=%/*.h) align/check/*.h corpora/*.h cli/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(B)/embedded.c: $(DATA) scripts/embed.sh
	@mkdir -p $(B)
	sh scripts/embed.sh $(DATA) > $@

$(B)/embedded.o: $(B)/embedded.c
	$(CC) $(CFLAGS) -c $< -o $@

$(B)/libtalign.a: $(LIB_OBJ)
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(B)/libtalign.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) $(BIN_LDFLAGS) $(CLI_OBJ) $(B)/libtalign.a $(BIN_LIBS) -o $@ 2> $@.ld; \
	s=$$?; grep -Ev '$(STATIC_WARNINGS)' $@.ld >&2; rm -f $@.ld; exit $$s

$(B)/tests/%: tests/%.c $(B)/libtalign.a tests/testutil.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(B)/libtalign.a $(LIBS) -lcriterion -o $@

# runs every Criterion test binary (and the CLI tests) of one build variant
check: all $(TESTS)
	@set -e; for t in $(TESTS); do echo "== $$t"; TALIGN_SRC=$(CURDIR) $$t --jobs 2; done
	@TALIGN=$(BIN) sh tests/cli_test.sh
	@TALIGN=$(BIN) sh tests/hostile_test.sh
	@if [ "$(B)" = build ]; then sh tests/install_test.sh && LIB=$(B)/libtalign.a sh tests/symbols_test.sh; fi
	@TALIGN=$(BIN) sh tests/corpus_test.sh

test: deps
	$(MAKE) all
	$(MAKE) check
	$(MAKE) check B=build/asan SAN=1

demo: deps
	$(MAKE) all
	@sh scripts/demo.sh

build/lexcover: bench/lexcover.c build/libtalign.a
	$(CC) $(CFLAGS) -D_GNU_SOURCE $< build/libtalign.a $(LIBS) -o $@

# the per-pair cost in one long-lived process (issue 14), built from any variant's library
$(B)/pairrate: bench/pairrate.c $(B)/libtalign.a
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(B)/libtalign.a $(LIBS) -o $@

bench: all build/lexcover build/pairrate
	@sh bench/run.sh

# issue 15's segment integrity: aligned units that start or end inside a sentence (WMT21 e2e,
# both document-id halves, and corpora/samples); EXAMPLES=N lists N cuts
cuts: all
	@sh bench/cuts.sh bin/talign $(or $(SHARED),../shared)

# translation QA figures: planted errors in WMT21 (recall, false alarms), check's speed, the
# speller's words/s
build/spellspeed: bench/spellspeed.c build/libtalign.a
	$(CC) $(CFLAGS) $< build/libtalign.a $(LIBS) -o $@

qa-bench: all build/spellspeed
	@sh bench/qa.sh ../shared
	@build/spellspeed speed ../shared/data/wmt12-20/news.en ../shared/data/wmt12-20/news.ru

# issue 14's speed and memory figures, with ratios to the built checkout BASE (optional)
speed: all build/pairrate
	@sh bench/speed.sh $(BASE)

# libFuzzer harnesses (clang); FUZZ_SECONDS each, seeded with the test fixtures
FUZZ_SECONDS ?= 30
FUZZERS := $(patsubst fuzz/%.c,build/fuzz/%,$(wildcard fuzz/fuzz_*.c))
build/fuzz/%: fuzz/%.c $(LIB_SRC) include/talign.h
	@mkdir -p build/fuzz/obj
	$(MAKE) B=build/fuzz/obj CC=clang SAN=1 OPT="-O1 -g" XCFLAGS=-fsanitize=fuzzer-no-link build/fuzz/obj/libtalign.a
	clang -O1 -g -std=c11 -D_DEFAULT_SOURCE -Iinclude -fsanitize=fuzzer,address,undefined $< \
	    build/fuzz/obj/libtalign.a $(LIBS) -o $@

fuzzdeps:
	@sh scripts/deps.sh fuzz

$(FUZZERS): | fuzzdeps

fuzz: fuzzdeps $(FUZZERS)
	@set -e; for f in $(FUZZERS); do c=build/fuzz/corpus/$$(basename $$f); mkdir -p $$c; \
	  cp tests/data/*.txt tests/data/bitext/* corpora/samples/*.txt tests/data/fuzz/* $$c/; \
	  echo "== $$f ($(FUZZ_SECONDS) s)"; \
	  if $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=4096 -print_final_stats=1 \
	      -artifact_prefix=build/fuzz/ $$c > build/fuzz/log 2>&1; then \
	    grep -E "stat::number_of_executed_units" build/fuzz/log; \
	  else tail -40 build/fuzz/log; echo "fuzz: $$f failed; the input is in build/fuzz/"; exit 1; fi; \
	done

# make install PREFIX=/usr/local [DESTDIR=...]: the binary, the library and its header, a
# pkg-config file, the lexicon, the man page (the data files are built into the library)
PREFIX ?= /usr/local
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include \
	    $(DESTDIR)$(PREFIX)/share/talign $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 bin/talign $(DESTDIR)$(PREFIX)/bin/talign
	install -m 644 build/libtalign.a $(DESTDIR)$(PREFIX)/lib/libtalign.a
	install -m 644 include/talign.h $(DESTDIR)$(PREFIX)/include/talign.h
	install -m 644 cli/talign.1 $(DESTDIR)$(PREFIX)/share/man/man1/talign.1
	$(if $(LEX),install -m 644 $(LEX) $(DESTDIR)$(PREFIX)/share/talign/en-ru.lex)
	$(foreach f,$(FORMS) $(PARADIGMS),install -m 644 $(f) $(DESTDIR)$(PREFIX)/share/talign/$(notdir $(f));)
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|'"$$(sed -n 's/^#define TA_VERSION "\(.*\)"/\1/p' include/talign.h)"'|' \
	    scripts/talign.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/talign.pc

clean:
	rm -rf build bin out
