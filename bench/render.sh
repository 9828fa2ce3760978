#!/usr/bin/env bash
# The reading page's server render with N threads: p50/p99 of GET /documents/{id} (the whole prerender, one
# request at a time) and the bytes of the HTML, beside the bare /not-found page. See bench/reading-page.sh.
#
#   bench/render.sh --threads 2000          (or --threads 500,2000)
exec "$(dirname "${BASH_SOURCE[0]}")/reading-page.sh" --measures render "$@"
