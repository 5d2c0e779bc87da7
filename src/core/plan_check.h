// Validation of a plan's values where it is read (issue 9): every command and the window get
// a plan whose settings, counts, incomes, geometries and codes cannot make a wrong figure.
// One sentence per problem, naming the table, the feature and the field.
#pragma once

#include "core/plan.h"
#include "core/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace beltplan::core {

// A population or party-member count above this is refused: no village has ten million
// people, and with it a sum over any plan stays far inside int64.
inline constexpr std::int64_t kMaxPeoplePerVillage = 10'000'000;
// Above this a village's population is reported as probably wrong (a warning).
inline constexpr std::int64_t kLargeVillagePopulation = 100'000;

struct PlanProblem {
    bool error = true;  // false: a warning, the plan is still used
    Error what;         // code, one sentence with file, layer, feature and field
};

// Feature ids of the plan's elements as the file numbers them (OGR FIDs), by position; a
// layer left empty here is numbered from 1 in plan order.
struct FeatureIds {
    std::vector<std::int64_t> villages;
    std::vector<std::int64_t> townships;
    std::vector<std::int64_t> roads;
    std::vector<std::int64_t> sites;
    std::vector<std::int64_t> belts;
};

// Checks settings (reach radius positive and finite), villages (code present and unique,
// counts whole numbers 0..kMaxPeoplePerVillage, income finite, seat finite, shape present,
// non-empty and valid), townships (code unique, a shape if any valid), roads and
// sites (finite coordinates), belts (half-width positive and finite; no roads is a warning).
// Errors first.
std::vector<PlanProblem> check_plan(const Plan& plan, const std::string& file,
                                    const FeatureIds& ids = {});

// The errors of `problems` as one Error (kBadValue unless all share one code): one sentence
// per problem, one per line, at most `max_listed` and then a count of the rest. Ok when there
// is no error.
Status refuse_on_errors(const std::vector<PlanProblem>& problems, std::size_t max_listed = 20);

// Checks one count value (population, party members); "" when fine, else the reason
// (negative, above the bound) as a sentence part.
std::string count_problem(std::int64_t value);

}  // namespace beltplan::core
