// Work station suggestions: split a township into k contiguous groups of similar size (by
// villages or population) around seats, as in "47 villages under 4 work stations".
#pragma once

#include "analysis/contiguity.h"
#include "analysis/strategy.h"
#include "core/plan.h"

#include <string>
#include <vector>

namespace beltplan::analysis {

struct StationSuggestOptions {
    std::string town_code;  // "" = every township
    int k = 4;              // stations per township
    bool by_population = false;
    double tolerance = 0.1;          // allowed share above or below the even size
    std::vector<std::string> seats;  // fixed seat village codes (k of them); empty = chosen
    RunControl* control = nullptr;   // may be null; once asked to stop, the call throws Stopped
};

// Seeds k seats far apart in the township's queen graph, grows regions from them (the
// smallest region takes its nearest neighbour), moves boundary villages from larger to
// smaller neighbouring regions while both stay connected, and re-centres the seats on the
// most central member a few times. Errors: unknown township or seat, k out of range, more
// separate pieces than k, population missing when sizing by population.
core::Result<Suggestion> suggest_stations(const core::Plan& plan, const ContiguityGraph& graph,
                                          const StationSuggestOptions& options);

}  // namespace beltplan::analysis
