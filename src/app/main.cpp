// Entry point of the beltplan executable.
#include "app/cli.h"

int main(int argc, char** argv) {
    return beltplan::app::run_cli(argc, argv);
}
