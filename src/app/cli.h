// Command-line parsing (DESIGN.md section 4).
#pragma once

namespace beltplan::app {

// Parses the arguments, runs the subcommand and returns the exit code.
int run_cli(int argc, char** argv);

}  // namespace beltplan::app
