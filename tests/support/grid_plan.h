// Plans built in code for tests: villages as a grid of squares drawn as ASCII art.
#pragma once

#include "core/plan.h"

#include <string>
#include <vector>

namespace beltplan::test {

// Builds villages from rows of letters: each letter is one cell of `cell_m` metres; cells
// with the same letter form one village (code "1307051002" + two digits in order of first
// appearance, name = the letter). Row 0 is the northernmost. '.' leaves a hole. Every village
// belongs to town "130705100". Shared cell corners give identical vertices.
core::Plan grid_plan(const std::vector<std::string>& rows, double cell_m = 1000.0);

// Adds a district-level site at (x, y) metres.
void add_site(core::Plan& plan, double x, double y, const std::string& id = "");

}  // namespace beltplan::test
