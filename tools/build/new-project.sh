#!/usr/bin/env bash
# Scaffolds an Nx project folder: project.json with tags, jest config, src/.
# usage: tools/build/new-project.sh <dir> <name> <tags comma separated>
set -euo pipefail
dir="$1"; name="$2"; tags="$3"
mkdir -p "$dir/src"
depth=$(echo "$dir" | tr -cd '/' | wc -c); up=".."; for ((i=0;i<depth;i++)); do up="$up/.."; done
tags_json=$(echo "$tags" | awk -F, '{for(i=1;i<=NF;i++){printf "%s\"%s\"", (i>1?", ":""), $i}}')
cat > "$dir/project.json" <<JSON
{
  "name": "$name",
  "\$schema": "$up/node_modules/nx/schemas/project-schema.json",
  "sourceRoot": "$dir/src",
  "projectType": "$(case "$dir" in apps/*) echo application;; *) echo library;; esac)",
  "tags": [$tags_json],
  "targets": {
    "test": {
      "executor": "nx:run-commands",
      "options": { "command": "jest -c $dir/jest.config.cjs --passWithNoTests=false", "cwd": "{workspaceRoot}" }
    },
    "lint": {
      "executor": "nx:run-commands",
      "options": { "command": "eslint $dir", "cwd": "{workspaceRoot}" }
    }
  }
}
JSON
cat > "$dir/jest.config.cjs" <<JS
module.exports = { ...require('$up/jest.preset.cjs'), displayName: '$name', rootDir: __dirname };
JS
