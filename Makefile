# The two commands of the README: `make run` starts Koers, `make test` runs every test.
# Both prepare the machine first (Debian libraries Qt needs, .venv with the project).
# `make test-fast` leaves out the tests marked slow, for the edit loop; CI runs `make test`.
.PHONY: run test test-fast lint screenshots bench bundle translations

run:
	scripts/bootstrap.sh
	.venv/bin/python -m app

test:
	scripts/bootstrap.sh --with-tools --with-postgres
	scripts/run-tests.sh

test-fast:
	scripts/bootstrap.sh --with-tools --with-postgres
	scripts/run-tests.sh -m "not slow"

lint:
	scripts/bootstrap.sh
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

screenshots:
	scripts/bootstrap.sh
	scripts/screenshots.sh screenshots

bench:
	scripts/bootstrap.sh --with-postgres
	.venv/bin/python -m bench

bundle:
	scripts/bootstrap.sh
	installer/build.sh

# Collects the UI text into resources/translations/*.ts (commit those) and compiles the .qm.
translations:
	scripts/bootstrap.sh
	scripts/translations.sh
