# talign — build, test, demo. `make` builds libtalign.a and bin/talign;
# `make test` and `make demo` first install missing Debian packages (`make deps`).
CC      ?= cc
B       ?= build
SAN     ?=
PKGS    := icu-uc icu-i18n
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -Wall -Wextra -Wpedantic -D_DEFAULT_SOURCE -Iinclude -Ialign -Ilexicon \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS    := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lz -lm
ifeq ($(SAN),1)
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif

LIB_SRC  := $(wildcard align/*.c lexicon/*.c corpora/*.c)
CLI_SRC  := $(wildcard cli/*.c)
TEST_SRC := $(wildcard tests/test_*.c)
DATA     := $(wildcard lexicon/abbrev.* lexicon/starters.* lexicon/stopwords.*) lexicon/boilerplate.txt lexicon/params.en-ru
LIB_OBJ  := $(LIB_SRC:%.c=$(B)/%.o) $(B)/embedded.o
CLI_OBJ  := $(CLI_SRC:%.c=$(B)/%.o)
TESTS    := $(TEST_SRC:tests/%.c=$(B)/tests/%)
ifeq ($(B),build)
BIN := bin/talign
else
BIN := $(B)/talign
endif

.PHONY: all deps test check demo bench clean
MUELLER := /usr/share/dictd/mueller7.dict.dz
LEX     := $(if $(wildcard $(MUELLER)),lexicon/en-ru.lex)
all: $(B)/libtalign.a $(BIN) $(if $(filter build,$(B)),$(LEX))

# the bilingual lexicon, built from Debian's mueller7-dict (not committed)
lexicon/en-ru.lex: lexicon/dictd.c lexicon/lexicon.c lexicon/stem.c $(MUELLER) | $(BIN)
	$(BIN) lexicon build -o $@

deps:
	@sh scripts/deps.sh

$(B)/%.o: %.c include/talign.h $(wildcard align/*.h lexicon/*.h corpora/*.h cli/*.h)
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
	$(CC) $(LDFLAGS) $(CLI_OBJ) $(B)/libtalign.a $(LIBS) -o $@

$(B)/tests/%: tests/%.c $(B)/libtalign.a tests/testutil.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(B)/libtalign.a $(LIBS) -lcriterion -o $@

# runs every Criterion test binary (and the CLI tests) of one build variant
check: all $(TESTS)
	@set -e; for t in $(TESTS); do echo "== $$t"; TALIGN_SRC=$(CURDIR) $$t --jobs 2; done
	@TALIGN=$(BIN) sh tests/cli_test.sh

test: deps
	$(MAKE) all
	$(MAKE) check
	$(MAKE) check B=build/asan SAN=1

demo: deps
	$(MAKE) all
	@sh scripts/demo.sh

build/lexcover: bench/lexcover.c build/libtalign.a
	$(CC) $(CFLAGS) -D_GNU_SOURCE $< build/libtalign.a $(LIBS) -o $@

bench: all build/lexcover
	@sh bench/run.sh

clean:
	rm -rf build bin out
