#!/bin/sh
# trunk's post-build hook: names the files the loader and the service worker need, and
# cuts the requests a first visit makes.
# `selfhelp.js` and `sw.js` keep their names; the stylesheet and the search engine get a
# hash of their bytes in their names, as trunk gives the widget's glue and wasm.
set -eu
dir="$TRUNK_STAGING_DIR"
glue=$(cd "$dir" && ls selfhelp-widget-*.js | head -n 1)
wasm=$(cd "$dir" && ls selfhelp-widget-*_bg.wasm | head -n 1)
# Short import names in both modules and their glue, where `cargo xtask dist` runs trunk (it
# says where it is): wasm-bindgen's carry a hash each, 4 KB gzip of the widget. A
# hand-run trunk keeps the long names.
if [ -n "${SELFHELP_XTASK:-}" ]; then
  "$SELFHELP_XTASK" import-names "$dir/$wasm" "$dir/$glue"
  "$SELFHELP_XTASK" import-names "$dir/selfhelp-search-web_bg.wasm" "$dir/selfhelp-search-web.js"
fi
# One stylesheet for the page and the widget: the page's few rules travel with the
# widget's, and the widget's shadow roots link the file the page already has, so a
# visit fetches styles once.
site_css=$(cd "$dir" && ls site-*.css | head -n 1)
cat "$dir/$site_css" >> "$dir/widget.css"
rm "$dir/$site_css"
css="widget-$(sha256sum "$dir/widget.css" | cut -c1-16).css"
mv "$dir/widget.css" "$dir/$css"
edit() { # edit FILE SED-ARGS...: sed in place, portably
  file=$1
  shift
  sed "$@" "$file" > "$file.tmp"
  mv "$file.tmp" "$file"
}
edit "$dir/index.html" -e "s|<link [^>]*$site_css[^>]*>|<link href=./$css rel=stylesheet>|"
# The search engine (a worker-type app to trunk, which leaves its names unhashed).
search_hash=$(cat "$dir/selfhelp-search-web.js" "$dir/selfhelp-search-web_bg.wasm" | sha256sum | cut -c1-16)
search_glue="search-$search_hash.js"
search_wasm="search-${search_hash}_bg.wasm"
mv "$dir/selfhelp-search-web.js" "$dir/$search_glue"
mv "$dir/selfhelp-search-web_bg.wasm" "$dir/$search_wasm"
version=$(cat "$dir/$glue" "$dir/$wasm" "$dir/$css" "$dir/$search_glue" "$dir/$search_wasm" "$dir/selfhelp.js" | sha256sum | cut -c1-16)
names() {
  edit "$1" -e "s|__SEARCH_GLUE__|$search_glue|g" -e "s|__SEARCH_WASM__|$search_wasm|g" \
    -e "s|__GLUE__|$glue|g" -e "s|__WASM__|$wasm|g" -e "s|__CSS__|$css|g" \
    -e "s|__VERSION__|$version|g"
}
names "$dir/selfhelp.js"
# Minified: trunk's minifier fails on the glue, so esbuild (installed by `cargo xtask
# install` from npm) minifies the loader, the worker and the styles. The loader and the
# widget's glue become one module (one request less; the search engine's glue stays
# apart, loaded on first search), and the page no longer preloads the glue.
# Without esbuild (a hand-run trunk), the files stay as they are.
if command -v esbuild >/dev/null 2>&1; then
  esbuild --bundle --minify --format=esm --log-level=warning --allow-overwrite \
    "--external:./$search_glue" "$dir/selfhelp.js" --outfile="$dir/selfhelp.js"
  rm "$dir/$glue"
  edit "$dir/index.html" -e "s|<link [^>]*$glue[^>]*>||"
  esbuild --minify --format=esm --log-level=warning --allow-overwrite "$dir/$search_glue" --outfile="$dir/$search_glue"
  esbuild --minify --log-level=warning --allow-overwrite "$dir/$css" --outfile="$dir/$css"
fi
# The app shell the worker keeps: every file at the root but the worker itself, the
# embedding demo, the search engine (a visitor who never searched has no index offline
# either; a first search caches it like any file) and the page (kept as "./", which a
# visit to index.html falls back to).
shell=$(cd "$dir" && ls -p | grep -v / | grep -v -e '^sw.js$' -e '^embed\.' -e '^search-' -e '^bundle.bin$' -e '^index.html$' -e '\.json$' | sed 's/.*/"&"/' | paste -sd, -)
names "$dir/sw.js"
edit "$dir/sw.js" -e "s|__SHELL__|[\"./\", $shell]|g"
if command -v esbuild >/dev/null 2>&1; then
  esbuild --minify --log-level=warning --allow-overwrite "$dir/sw.js" --outfile="$dir/sw.js"
fi
