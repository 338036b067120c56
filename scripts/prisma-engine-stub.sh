#!/bin/sh
# Prisma's native schema engine cannot be downloaded here. generate/validate/format never run it;
# anything that would (migrate, db push) must fail loudly rather than succeed having done nothing.
echo "schema engine not available: use the project's migration runner (make migrate)" >&2
exit 1
