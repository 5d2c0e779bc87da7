// Fixture: CLI11 belongs to app/cli.cpp only.
#include <CLI/CLI.hpp>
