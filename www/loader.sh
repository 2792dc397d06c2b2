#!/bin/sh
# trunk's post-build hook: names the files the loader and the service worker need.
# `selfhelp.js` and `sw.js` keep their names; the widget's stylesheet gets a hash of its
# bytes in its name, as trunk gives the glue and the wasm.
set -eu
dir="$TRUNK_STAGING_DIR"
glue=$(cd "$dir" && ls selfhelp-widget-*.js | head -n 1)
wasm=$(cd "$dir" && ls selfhelp-widget-*_bg.wasm | head -n 1)
css="widget-$(sha256sum "$dir/widget.css" | cut -c1-16).css"
mv "$dir/widget.css" "$dir/$css"
version=$(cat "$dir/$glue" "$dir/$wasm" "$dir/$css" "$dir/selfhelp.js" | sha256sum | cut -c1-16)
# The app shell the worker keeps: every file at the root but the worker itself and the
# embedding demo.
shell=$(cd "$dir" && ls -p | grep -v / | grep -v -e '^sw.js$' -e '^embed\.' -e '^bundle.bin$' -e '\.json$' | sed 's/.*/"&"/' | paste -sd, -)
fill() {
  sed -e "s|__GLUE__|$glue|g" -e "s|__WASM__|$wasm|g" -e "s|__CSS__|$css|g" \
      -e "s|__VERSION__|$version|g" \
      -e "s|__SHELL__|[\"./\", $shell]|g" \
      "$1" > "$1.tmp"
  mv "$1.tmp" "$1"
}
fill "$dir/selfhelp.js"
fill "$dir/sw.js"
# Minified: trunk's minifier fails on the glue, so esbuild (installed by `cargo xtask
# install` from npm) minifies the glue, the loader, the worker and the widget's styles.
# Without it (a hand-run trunk), the files stay as they are.
if command -v esbuild >/dev/null 2>&1; then
  for file in "$glue" selfhelp.js; do
    esbuild --minify --format=esm --log-level=warning --allow-overwrite "$dir/$file" --outfile="$dir/$file"
  done
  esbuild --minify --log-level=warning --allow-overwrite "$dir/sw.js" --outfile="$dir/sw.js"
  esbuild --minify --log-level=warning --allow-overwrite "$dir/$css" --outfile="$dir/$css"
fi
