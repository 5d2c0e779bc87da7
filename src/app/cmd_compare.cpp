// `beltplan compare A B`: two plans of one district side by side (totals, townships, belts,
// joint organizations, sites) and the villages that gain or lose coverage or change group.
// Sections: [JSON], [TEXT], [CSV], then run_compare.
#include "analysis/compare.h"
#include "analysis/plan_analysis.h"
#include "app/commands.h"
#include "app/text_file.h"
#include "io/plan_file.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

namespace beltplan::app {

namespace {

using analysis::PlanComparison;
using analysis::VillageChange;
using analysis::VillageComparison;
using nlohmann::json;

// Null for an infinite distance (no site reaches the village).
json metres(double m) {
    return std::isfinite(m) ? json(m) : json(nullptr);
}

// [JSON] -------------------------------------------------------------------------------------

json summary_json(const std::string& path, const analysis::PlanSummary& s) {
    return json{{"path", path},
                {"name", s.name},
                {"radius_m", s.radius_m},
                {"distance", core::to_code(s.distance)},
                {"sites", s.sites},
                {"villages", s.total.villages},
                {"covered_villages", s.total.covered},
                {"village_share", analysis::village_share(s.total)},
                {"population", s.total.population},
                {"covered_population", s.total.covered_population},
                {"population_share", analysis::population_share(s.total)},
                {"villages_missing_population", s.total.missing_population},
                {"joint_orgs", s.joint_orgs},
                {"valid_joint_orgs", s.valid_joint_orgs},
                {"belts", s.belts}};
}

json belt_side_json(const analysis::BeltSide& s) {
    if (!s.present) {
        return nullptr;
    }
    return json{{"sites", s.sites},
                {"road_length_m", s.road_length_m},
                {"largest_gap_m", s.largest_gap_m},
                {"reach_share", s.reach_share}};
}

json orgs_json(const std::vector<analysis::OrgRef>& orgs) {
    json out = json::array();
    for (const auto& o : orgs) {
        out.push_back({{"id", o.id}, {"name", o.name}});
    }
    return out;
}

json village_json(const VillageComparison& v) {
    return json{{"code", v.code},
                {"name", v.name},
                {"town_code", v.town_code},
                {"status", analysis::to_code(v.status)},
                {"distance_a_m", metres(v.distance_a_m)},
                {"distance_b_m", metres(v.distance_b_m)},
                {"orgs_a", orgs_json(v.orgs_a)},
                {"orgs_b", orgs_json(v.orgs_b)}};
}

json org_json(const core::JointOrg& o) {
    return json{{"id", o.id},
                {"name", o.name},
                {"mode", core::to_code(o.mode)},
                {"members", o.members},
                {"lead", o.lead}};
}

json comparison_json(const std::string& path_a, const std::string& path_b,
                     const PlanComparison& c) {
    json j{{"a", summary_json(path_a, c.a)},
           {"b", summary_json(path_b, c.b)},
           {"settings_differ", c.settings_differ},
           {"common_villages", c.common_villages}};
    json towns = json::array();
    for (const auto& t : c.by_township) {
        towns.push_back({{"code", t.code},
                         {"name", t.name},
                         {"villages_a", t.villages_a},
                         {"villages_b", t.villages_b},
                         {"covered_a", t.covered_a},
                         {"covered_b", t.covered_b},
                         {"change", t.covered_b - t.covered_a}});
    }
    j["by_township"] = std::move(towns);
    json belts = json::array();
    for (const auto& b : c.belts) {
        belts.push_back({{"id", b.id},
                         {"name", b.name},
                         {"a", belt_side_json(b.a)},
                         {"b", belt_side_json(b.b)}});
    }
    j["belts"] = std::move(belts);
    const std::pair<const char*, VillageChange> lists[] = {
        {"villages_gained", VillageChange::kGained},
        {"villages_lost", VillageChange::kLost},
        {"only_in_a", VillageChange::kOnlyA},
        {"only_in_b", VillageChange::kOnlyB}};
    for (const auto& [key, status] : lists) {
        j[key] = json::array();
        for (const auto& v : c.villages) {
            if (v.status == status) {
                j[key].push_back(village_json(v));
            }
        }
    }
    j["villages_regrouped"] = json::array();
    for (const auto& v : c.villages) {
        if (v.regrouped) {
            j["villages_regrouped"].push_back(village_json(v));
        }
    }
    auto site = [](const analysis::SiteRef& s) {
        return json{{"id", s.id}, {"name", s.name}, {"x", s.position.x}, {"y", s.position.y}};
    };
    j["sites_added"] = json::array();
    j["sites_removed"] = json::array();
    j["sites_moved"] = json::array();
    for (const auto& s : c.sites_added) {
        j["sites_added"].push_back(site(s));
    }
    for (const auto& s : c.sites_removed) {
        j["sites_removed"].push_back(site(s));
    }
    for (const auto& m : c.sites_moved) {
        j["sites_moved"].push_back({{"id", m.id},
                                    {"name", m.name},
                                    {"from", {{"x", m.from.x}, {"y", m.from.y}}},
                                    {"to", {{"x", m.to.x}, {"y", m.to.y}}},
                                    {"distance_m", m.distance_m}});
    }
    j["orgs_added"] = json::array();
    j["orgs_removed"] = json::array();
    j["orgs_changed"] = json::array();
    for (const auto& o : c.orgs_added) {
        j["orgs_added"].push_back(org_json(o));
    }
    for (const auto& o : c.orgs_removed) {
        j["orgs_removed"].push_back(org_json(o));
    }
    for (const auto& o : c.orgs_changed) {
        j["orgs_changed"].push_back({{"a", org_json(o.a)},
                                     {"b", org_json(o.b)},
                                     {"joined", o.joined},
                                     {"left", o.left},
                                     {"lead_changed", o.lead_changed},
                                     {"mode_changed", o.mode_changed}});
    }
    return j;
}

// [TEXT] -------------------------------------------------------------------------------------

std::string fixed(double v, int decimals) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string signed_int(long long d) {
    return d > 0 ? "+" + std::to_string(d) : std::to_string(d);
}

// Share change in percentage points: "+12.5 pt".
std::string points(double a, double b) {
    const double d = (b - a) * 100.0;
    return (d > 0.05 ? "+" : "") + fixed(std::fabs(d) < 0.05 ? 0.0 : d, 1) + " pt";
}

std::string percent(double share) {
    return fixed(share * 100.0, 1) + "%";
}

void row(const std::string& label, const std::string& a, const std::string& b,
         const std::string& change, const std::string& tail = "") {
    char buf[160];
    std::snprintf(buf, sizeof buf, "  %-22s %12s %12s %12s", label.c_str(), a.c_str(), b.c_str(),
                  change.c_str());
    std::cout << buf << (tail.empty() ? "" : "  " + tail) << "\n";
}

void count_row(const std::string& label, long long a, long long b) {
    row(label, std::to_string(a), std::to_string(b), signed_int(b - a));
}

std::string settings_line(const analysis::PlanSummary& s) {
    return fixed(s.radius_m, 0) + " m, " + core::to_code(s.distance) + " distance";
}

void print_totals(const PlanComparison& c) {
    const auto& a = c.a.total;
    const auto& b = c.b.total;
    row("", "A", "B", "change");
    count_row("villages", a.villages, b.villages);
    count_row("sites", c.a.sites, c.b.sites);
    count_row("covered villages", a.covered, b.covered);
    row("village share", percent(analysis::village_share(a)), percent(analysis::village_share(b)),
        points(analysis::village_share(a), analysis::village_share(b)));
    if (a.population > 0 || b.population > 0) {
        count_row("population", a.population, b.population);
        count_row("covered population", a.covered_population, b.covered_population);
        row("population share", percent(analysis::population_share(a)),
            percent(analysis::population_share(b)),
            points(analysis::population_share(a), analysis::population_share(b)));
    }
    count_row("joint organizations", c.a.joint_orgs, c.b.joint_orgs);
    count_row("  valid", c.a.valid_joint_orgs, c.b.valid_joint_orgs);
    count_row("belts", c.a.belts, c.b.belts);
}

void print_belts(const PlanComparison& c) {
    std::cout << "\nBelts (" << c.belts.size() << "):\n";
    for (const auto& belt : c.belts) {
        std::cout << "  " << belt.id << " " << belt.name
                  << (!belt.a.present   ? " (only in B)"
                      : !belt.b.present ? " (only in A)"
                                        : "")
                  << "\n";
        auto value = [](const analysis::BeltSide& s, const std::string& v) {
            return s.present ? v : std::string("-");
        };
        const bool both = belt.a.present && belt.b.present;
        row("  sites", value(belt.a, std::to_string(belt.a.sites)),
            value(belt.b, std::to_string(belt.b.sites)),
            both ? signed_int(belt.b.sites - belt.a.sites) : "");
        const long long gap_a = std::lround(belt.a.largest_gap_m);
        const long long gap_b = std::lround(belt.b.largest_gap_m);
        row("  largest gap m", value(belt.a, std::to_string(gap_a)),
            value(belt.b, std::to_string(gap_b)), both ? signed_int(gap_b - gap_a) : "");
        row("  reach share", value(belt.a, percent(belt.a.reach_share)),
            value(belt.b, percent(belt.b.reach_share)),
            both ? points(belt.a.reach_share, belt.b.reach_share) : "");
    }
}

std::string distance_text(double m) {
    return std::isfinite(m) ? std::to_string(std::lround(m)) + " m" : "no site";
}

std::string org_ids(const std::vector<analysis::OrgRef>& orgs) {
    std::string out;
    for (const auto& o : orgs) {
        out += (out.empty() ? "" : ";") + (o.id.empty() ? o.name : o.id);
    }
    return out;
}

void print_villages(const PlanComparison& c, const char* title, VillageChange status) {
    std::size_t n = 0;
    for (const auto& v : c.villages) {
        n += v.status == status ? 1 : 0;
    }
    std::cout << "\n" << title << " (" << n << "):\n";
    for (const auto& v : c.villages) {
        if (v.status != status) {
            continue;
        }
        std::cout << "  " << v.code << " " << v.name;
        if (status == VillageChange::kGained || status == VillageChange::kLost) {
            std::cout << "  " << distance_text(v.distance_a_m) << " -> "
                      << distance_text(v.distance_b_m);
        }
        std::cout << "\n";
    }
}

// "s1 name", or just the id when the name repeats it.
std::string site_label(const std::string& id, const std::string& name) {
    return name.empty() || name == id ? id : id + " " + name;
}

void print_changes(const PlanComparison& c) {
    std::cout << "\nSites: " << c.sites_added.size() << " added, " << c.sites_removed.size()
              << " removed, " << c.sites_moved.size() << " moved\n";
    for (const auto& s : c.sites_added) {
        std::cout << "  added   " << site_label(s.id, s.name) << "\n";
    }
    for (const auto& s : c.sites_removed) {
        std::cout << "  removed " << site_label(s.id, s.name) << "\n";
    }
    for (const auto& m : c.sites_moved) {
        std::cout << "  moved   " << site_label(m.id, m.name) << " by " << std::lround(m.distance_m)
                  << " m\n";
    }
    std::cout << "\nJoint organizations: " << c.orgs_added.size() << " added, "
              << c.orgs_removed.size() << " removed, " << c.orgs_changed.size() << " changed\n";
    for (const auto& o : c.orgs_added) {
        std::cout << "  added   " << o.id << " " << o.name << " [" << core::to_code(o.mode) << "], "
                  << o.members.size() << " villages\n";
    }
    for (const auto& o : c.orgs_removed) {
        std::cout << "  removed " << o.id << " " << o.name << " [" << core::to_code(o.mode) << "], "
                  << o.members.size() << " villages\n";
    }
    for (const auto& o : c.orgs_changed) {
        std::cout << "  changed " << o.b.id << " " << o.b.name << ":";
        for (const auto& code : o.joined) {
            std::cout << " +" << code;
        }
        for (const auto& code : o.left) {
            std::cout << " -" << code;
        }
        if (o.lead_changed) {
            std::cout << " lead " << o.a.lead << " -> " << o.b.lead;
        }
        if (o.mode_changed) {
            std::cout << " mode " << core::to_code(o.a.mode) << " -> " << core::to_code(o.b.mode);
        }
        std::cout << "\n";
    }
}

// One sentence on how much differs, so identical plans say so at once.
std::string summary_line(const PlanComparison& c) {
    std::size_t n[6] = {};
    std::size_t regrouped = 0;
    std::size_t differ = 0;
    for (const auto& v : c.villages) {
        ++n[static_cast<int>(v.status)];
        regrouped += v.regrouped ? 1 : 0;
        differ += v.differs() ? 1 : 0;
    }
    const std::size_t sites = c.sites_added.size() + c.sites_removed.size() + c.sites_moved.size();
    const std::size_t orgs = c.orgs_added.size() + c.orgs_removed.size() + c.orgs_changed.size();
    if (differ == 0 && sites == 0 && orgs == 0) {
        return "No village, site or joint organization differs.";
    }
    auto of = [&n](VillageChange s) { return std::to_string(n[static_cast<int>(s)]); };
    return std::to_string(differ) + " villages differ (" + of(VillageChange::kGained) +
           " gained coverage, " + of(VillageChange::kLost) + " lost it, " +
           std::to_string(regrouped) + " changed group, " + of(VillageChange::kOnlyA) +
           " only in A, " + of(VillageChange::kOnlyB) + " only in B); " + std::to_string(sites) +
           " sites and " + std::to_string(orgs) + " joint organizations changed.";
}

void print_text(const std::string& path_a, const std::string& path_b, const PlanComparison& c) {
    std::cout << "A: " << path_a << " (" << c.a.name << ")\nB: " << path_b << " (" << c.b.name
              << ")\n";
    if (c.a.radius_m == c.b.radius_m && c.a.distance == c.b.distance) {
        std::cout << "Both measured within " << settings_line(c.a)
                  << (c.settings_differ ? " (the plans' own settings differ)" : "") << ".\n";
    } else {
        std::cout << "A measured within " << settings_line(c.a) << ", B within "
                  << settings_line(c.b)
                  << ": the plans' own settings differ; give --radius and --distance to compare "
                     "on equal terms.\n";
    }
    std::cout << c.common_villages << " villages in both plans. " << summary_line(c) << "\n\n";
    print_totals(c);
    std::cout << "\nBy township (covered villages):\n";
    row("", "A", "B", "change");
    for (const auto& t : c.by_township) {
        row(t.code.empty() ? "(no township)" : t.code,
            std::to_string(t.covered_a) + "/" + std::to_string(t.villages_a),
            std::to_string(t.covered_b) + "/" + std::to_string(t.villages_b),
            signed_int(t.covered_b - t.covered_a), t.name);
    }
    print_belts(c);
    print_changes(c);
    print_villages(c, "Villages that gained coverage", VillageChange::kGained);
    print_villages(c, "Villages that lost coverage", VillageChange::kLost);
    std::size_t regrouped = 0;
    for (const auto& v : c.villages) {
        regrouped += v.regrouped ? 1 : 0;
    }
    std::cout << "\nVillages that changed group (" << regrouped << "):\n";
    for (const auto& v : c.villages) {
        if (v.regrouped) {
            const std::string a = org_ids(v.orgs_a);
            const std::string b = org_ids(v.orgs_b);
            std::cout << "  " << v.code << " " << v.name << "  " << (a.empty() ? "none" : a)
                      << " -> " << (b.empty() ? "none" : b) << "\n";
        }
    }
    print_villages(c, "Villages only in A", VillageChange::kOnlyA);
    print_villages(c, "Villages only in B", VillageChange::kOnlyB);
}

// [CSV] --------------------------------------------------------------------------------------

// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) {
        return s;
    }
    std::string out = "\"";
    for (char ch : s) {
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    }
    return out + "\"";
}

// One row per village that differs, through a temporary file renamed over the target. UTF-8
// with a BOM, as `export` writes CSV, so spreadsheets show the Chinese names.
core::Status write_diff_csv(const std::string& path, const PlanComparison& c, std::size_t& rows) {
    rows = 0;
    return write_text_file(path, [&c, &rows](std::ostream& out) {
        out << "\xEF\xBB\xBF"
            << "code,name,town_code,status,covered_a,covered_b,distance_a_m,distance_b_m,org_a,"
               "org_b\n";
        for (const auto& v : c.villages) {
            if (!v.differs()) {
                continue;
            }
            auto covered = [](bool present, bool yes) {
                return present ? std::string(yes ? "1" : "0") : std::string();
            };
            auto distance = [](bool present, double m) {
                return present && std::isfinite(m) ? fixed(m, 1) : std::string();
            };
            const bool in_a = v.index_a >= 0;
            const bool in_b = v.index_b >= 0;
            out << csv_field(v.code) << ',' << csv_field(v.name) << ',' << csv_field(v.town_code)
                << ',' << analysis::to_code(v.status) << ',' << covered(in_a, v.covered_a) << ','
                << covered(in_b, v.covered_b) << ',' << distance(in_a, v.distance_a_m) << ','
                << distance(in_b, v.distance_b_m) << ',' << csv_field(org_ids(v.orgs_a)) << ','
                << csv_field(org_ids(v.orgs_b)) << '\n';
            ++rows;
        }
    });
}

// One sentence when a plan cannot be measured as asked; "" when it can.
std::string measure_problem(const std::string& path, const analysis::PlanSummary& s) {
    if (!(s.radius_m > 0.0) || !std::isfinite(s.radius_m)) {
        return path + ": the reach radius " + std::to_string(s.radius_m) +
               " m is not a positive number; give --radius in metres.";
    }
    if (s.roads_missing) {
        return analysis::no_roads_error(path).message;
    }
    return "";
}

}  // namespace

int run_compare(const CompareOptions& options) {
    core::Result<core::Plan> a = read_plan_warned(options.plan_a);
    if (!a) {
        return fail(a.error().message);
    }
    core::Result<core::Plan> b = read_plan_warned(options.plan_b);
    if (!b) {
        return fail(b.error().message);
    }
    analysis::CompareOptions o;
    o.radius_m = options.radius_m;
    if (!options.distance.empty()) {
        o.distance = core::parse_distance_mode(options.distance);
    }
    const PlanComparison c = analysis::compare_plans(*a, *b, o);
    if (c.common_villages == 0) {
        return fail(options.plan_a + " and " + options.plan_b +
                    " share no village code, so they are not two versions of one district; "
                    "compare plans of the same villages.");
    }
    for (const auto& [path, side] : {std::pair{&options.plan_a, &c.a}, {&options.plan_b, &c.b}}) {
        const std::string problem = measure_problem(*path, *side);
        if (!problem.empty()) {
            return fail(problem);
        }
    }
    std::size_t rows = 0;
    if (!options.out_path.empty()) {
        if (core::Status written = write_diff_csv(options.out_path, c, rows); !written) {
            return fail(written.error().message);
        }
    }
    if (options.json) {
        std::cout << comparison_json(options.plan_a, options.plan_b, c).dump(2) << "\n";
        return kExitOk;
    }
    print_text(options.plan_a, options.plan_b, c);
    if (!options.out_path.empty()) {
        std::cout << "\nWrote " << rows << " villages that differ to " << options.out_path << "\n";
    }
    return kExitOk;
}

}  // namespace beltplan::app
