// The workbook of a plan's results: one function per sheet, headings from the catalogue.
#include "analysis/report_tables.h"

#include "core/messages.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace beltplan::analysis {

namespace {

using core::Cell;

std::vector<std::string> headings(std::initializer_list<const char*> keys) {
    std::vector<std::string> out;
    for (const char* k : keys) {
        out.push_back(core::tr(std::string("outputs.col.") + k));
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        out += (i > 0 ? sep : "") + parts[i];
    }
    return out;
}

std::string mode_term(core::JointOrgMode mode) {
    return core::tr(std::string("outputs.mode.") + core::to_code(mode));
}

struct Lookup {
    std::unordered_map<std::string, std::size_t> village;
    std::unordered_map<std::string, std::string> town_name;
    explicit Lookup(const core::Plan& plan) : village(core::village_index(plan)) {
        for (const core::Township& t : plan.townships) {
            town_name.emplace(t.code, t.name);
        }
    }
    std::string name_of(const core::Plan& plan, const std::string& code) const {
        auto it = village.find(code);
        return it == village.end() ? code : plan.villages[it->second].name;
    }
    std::vector<std::string> names_of(const core::Plan& plan,
                                      const std::vector<std::string>& codes) const {
        std::vector<std::string> out;
        for (const std::string& c : codes) {
            out.push_back(name_of(plan, c));
        }
        return out;
    }
};

core::Sheet summary_sheet(const ReportTablesInput& in) {
    const core::Plan& plan = *in.plan;
    const CoverageReport& r = *in.coverage;
    core::Sheet s{core::tr("outputs.sheet.summary"), headings({"item", "value"}), {}};
    auto row = [&](const char* key, Cell value) {
        s.rows.push_back({Cell::of_text(core::tr(std::string("outputs.sum.") + key)), value});
    };
    int district = 0;
    for (const core::Site& site : plan.sites) {
        district += site.level == core::SiteLevel::kDistrict ? 1 : 0;
    }
    int valid = 0;
    for (const JointOrgCheck& c : *in.orgs) {
        valid += c.valid ? 1 : 0;
    }
    row("plan", Cell::of_text(plan.name));
    row("radius", Cell::of_km(r.radius_m));
    row("distance", Cell::of_text(core::tr(r.distance == core::DistanceMode::kNetwork
                                               ? "outputs.sum.along_roads"
                                               : "outputs.sum.straight")));
    row("villages", Cell::of_integer(r.total.villages));
    row("covered", Cell::of_integer(r.total.covered));
    row("village_share", Cell::of_percent(village_share(r.total)));
    row("population", Cell::of_integer(r.total.population));
    row("covered_population", Cell::of_integer(r.total.covered_population));
    row("population_share", Cell::of_percent(population_share(r.total)));
    row("missing_population", Cell::of_integer(r.total.missing_population));
    row("sites", Cell::of_integer(static_cast<std::int64_t>(plan.sites.size())));
    row("district_sites", Cell::of_integer(district));
    row("town_sites", Cell::of_integer(static_cast<std::int64_t>(plan.sites.size()) - district));
    row("joint_orgs", Cell::of_integer(static_cast<std::int64_t>(plan.joint_orgs.size())));
    if (!in.orgs->empty()) {
        row("valid_orgs", Cell::of_integer(valid));
    }
    row("belts", Cell::of_integer(static_cast<std::int64_t>(plan.belts.size())));
    row("stations", Cell::of_integer(static_cast<std::int64_t>(plan.work_stations.size())));
    return s;
}

core::Sheet township_sheet(const ReportTablesInput& in, const std::vector<int>& site_town) {
    const core::Plan& plan = *in.plan;
    core::Sheet s{core::tr("outputs.sheet.townships"),
                  headings({"town_code", "town_name", "villages", "covered", "village_share",
                            "population", "covered_population", "population_share",
                            "missing_population", "sites", "uncovered"}),
                  {}};
    std::unordered_map<std::string, std::int64_t> sites;
    for (std::size_t i = 0; i < plan.sites.size(); ++i) {
        if (site_town[i] >= 0) {
            ++sites[plan.townships[static_cast<std::size_t>(site_town[i])].code];
        }
    }
    for (const CoverageCount& t : in.coverage->by_township) {
        s.rows.push_back({Cell::of_text(t.key), Cell::of_text(t.name), Cell::of_integer(t.villages),
                          Cell::of_integer(t.covered), Cell::of_percent(village_share(t)),
                          Cell::of_integer(t.population), Cell::of_integer(t.covered_population),
                          Cell::of_percent(population_share(t)),
                          Cell::of_integer(t.missing_population), Cell::of_integer(sites[t.key]),
                          Cell::of_integer(t.villages - t.covered)});
    }
    return s;
}

core::Sheet uncovered_sheet(const ReportTablesInput& in, const Lookup& look) {
    const core::Plan& plan = *in.plan;
    core::Sheet s{core::tr("outputs.sheet.uncovered"),
                  headings({"village_code", "village_name", "town_code", "town_name", "distance_km",
                            "population"}),
                  {}};
    std::vector<const UncoveredVillage*> rows;
    for (const UncoveredVillage& u : in.coverage->uncovered) {
        rows.push_back(&u);
    }
    std::sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) {
        return a->town_code != b->town_code ? a->town_code < b->town_code : a->code < b->code;
    });
    for (const UncoveredVillage* u : rows) {
        const auto v = look.village.find(u->code);
        const auto& pop = v != look.village.end() ? plan.villages[v->second].population
                                                  : std::optional<std::int64_t>();
        const auto town = look.town_name.find(u->town_code);
        s.rows.push_back({Cell::of_text(u->code), Cell::of_text(u->name),
                          Cell::of_text(u->town_code),
                          Cell::of_text(town != look.town_name.end() ? town->second : ""),
                          std::isfinite(u->distance_m) ? Cell::of_km(u->distance_m) : Cell::empty(),
                          pop ? Cell::of_integer(*pop) : Cell::empty()});
    }
    return s;
}

core::Sheet site_sheet(const ReportTablesInput& in, const Lookup& look,
                       const std::vector<int>& site_town) {
    const core::Plan& plan = *in.plan;
    core::Sheet s{core::tr("outputs.sheet.sites"),
                  headings({"id", "name", "level", "theme", "village_code", "village_name",
                            "town_name", "covered_villages", "covered_population"}),
                  {}};
    std::vector<std::int64_t> villages(plan.sites.size(), 0);
    std::vector<std::int64_t> people(plan.sites.size(), 0);
    for (std::size_t v = 0; v < in.reach->size(); ++v) {
        const Reach& r = (*in.reach)[v];
        if (r.site >= 0 && r.distance_m <= in.coverage->radius_m) {
            ++villages[static_cast<std::size_t>(r.site)];
            people[static_cast<std::size_t>(r.site)] += plan.villages[v].population.value_or(0);
        }
    }
    for (std::size_t i = 0; i < plan.sites.size(); ++i) {
        const core::Site& site = plan.sites[i];
        const int t = site_town[i];
        s.rows.push_back(
            {Cell::of_text(site.id), Cell::of_text(site.name),
             Cell::of_text(core::tr(site.level == core::SiteLevel::kDistrict
                                        ? "outputs.level.district"
                                        : "outputs.level.town")),
             Cell::of_text(site.theme), Cell::of_text(site.village_code),
             Cell::of_text(site.village_code.empty() ? "" : look.name_of(plan, site.village_code)),
             Cell::of_text(t >= 0 ? plan.townships[static_cast<std::size_t>(t)].name : ""),
             Cell::of_integer(villages[i]), Cell::of_integer(people[i])});
    }
    return s;
}

core::Sheet org_sheet(const ReportTablesInput& in, const Lookup& look) {
    const core::Plan& plan = *in.plan;
    core::Sheet s{
        core::tr("outputs.sheet.orgs"),
        headings({"id", "name", "mode", "members", "lead", "member_names", "valid", "problems"}),
        {}};
    for (std::size_t i = 0; i < plan.joint_orgs.size(); ++i) {
        const core::JointOrg& o = plan.joint_orgs[i];
        Cell valid = Cell::empty();
        Cell problems = Cell::empty();
        if (i < in.orgs->size()) {
            const JointOrgCheck& c = (*in.orgs)[i];
            valid = Cell::of_text(core::tr(c.valid ? "outputs.yes" : "outputs.no"));
            std::vector<std::string> sentences;
            for (const auto& p : c.problems) {
                sentences.push_back(p.sentence);
            }
            problems = Cell::of_text(join(sentences, " "));
        }
        s.rows.push_back(
            {Cell::of_text(o.id), Cell::of_text(o.name), Cell::of_text(mode_term(o.mode)),
             Cell::of_integer(static_cast<std::int64_t>(o.members.size())),
             Cell::of_text(o.lead.empty() ? "" : look.name_of(plan, o.lead)),
             Cell::of_text(join(look.names_of(plan, o.members), "、")), valid, problems});
    }
    return s;
}

core::Sheet belt_sheet(const ReportTablesInput& in) {
    const core::Plan& plan = *in.plan;
    core::Sheet s{core::tr("outputs.sheet.belts"),
                  headings({"id", "name", "roads", "half_width_km", "members", "belt_sites",
                            "road_km", "reach_km", "reach_share", "largest_gap_km", "gap_at"}),
                  {}};
    for (std::size_t i = 0; i < plan.belts.size() && i < in.belts->size(); ++i) {
        const core::Belt& b = plan.belts[i];
        const BeltResult& r = (*in.belts)[i];
        const BeltGap& g = r.largest_gap;
        char at[96];
        std::snprintf(at, sizeof at, " %.1f–%.1f km", g.from_m / 1000.0, g.to_m / 1000.0);
        s.rows.push_back({Cell::of_text(b.id), Cell::of_text(b.name),
                          Cell::of_text(join(b.roads, "、")), Cell::of_km(b.half_width_m),
                          Cell::of_integer(static_cast<std::int64_t>(r.members.size())),
                          Cell::of_integer(r.site_count()), Cell::of_km(r.road_length_m),
                          Cell::of_km(r.reach_length_m), Cell::of_percent(r.reach_share()),
                          Cell::of_km(g.length_m()),
                          g.road.empty() ? Cell::empty() : Cell::of_text(g.road + at)});
    }
    return s;
}

core::Sheet station_sheet(const ReportTablesInput& in, const Lookup& look) {
    const core::Plan& plan = *in.plan;
    core::Sheet s{
        core::tr("outputs.sheet.stations"),
        headings({"id", "name", "town_name", "seat", "members", "population", "member_names"}),
        {}};
    for (const core::WorkStation& ws : plan.work_stations) {
        std::int64_t population = 0;
        for (const std::string& code : ws.members) {
            if (auto v = look.village.find(code); v != look.village.end()) {
                population += plan.villages[v->second].population.value_or(0);
            }
        }
        const auto town = look.town_name.find(ws.town_code);
        s.rows.push_back(
            {Cell::of_text(ws.id), Cell::of_text(ws.name),
             Cell::of_text(town != look.town_name.end() ? town->second : ws.town_code),
             Cell::of_text(ws.seat_village.empty() ? "" : look.name_of(plan, ws.seat_village)),
             Cell::of_integer(static_cast<std::int64_t>(ws.members.size())),
             Cell::of_integer(population),
             Cell::of_text(join(look.names_of(plan, ws.members), "、"))});
    }
    return s;
}

}  // namespace

std::vector<int> site_townships(const core::Plan& plan) {
    std::unordered_map<std::string, int> town_of_code;
    for (std::size_t t = 0; t < plan.townships.size(); ++t) {
        town_of_code.emplace(plan.townships[t].code, static_cast<int>(t));
    }
    const auto villages = core::village_index(plan);
    std::vector<core::Box> town_boxes;
    for (const core::Township& t : plan.townships) {
        town_boxes.push_back(core::bounds(t.shape));
    }
    std::vector<int> out;
    for (const core::Site& s : plan.sites) {
        int town = -1;
        if (auto v = villages.find(s.village_code); v != villages.end()) {
            auto t = town_of_code.find(plan.villages[v->second].town_code);
            town = t != town_of_code.end() ? t->second : -1;
        }
        for (std::size_t t = 0; t < plan.townships.size() && town < 0; ++t) {
            if (town_boxes[t].contains(s.position) &&
                core::contains(plan.townships[t].shape, s.position)) {
                town = static_cast<int>(t);
            }
        }
        out.push_back(town);
    }
    return out;
}

core::Workbook report_workbook(const ReportTablesInput& in) {
    const Lookup look(*in.plan);
    const std::vector<int> site_town = site_townships(*in.plan);
    core::Workbook book;
    book.sheets.push_back(summary_sheet(in));
    book.sheets.push_back(township_sheet(in, site_town));
    book.sheets.push_back(uncovered_sheet(in, look));
    book.sheets.push_back(site_sheet(in, look, site_town));
    book.sheets.push_back(org_sheet(in, look));
    book.sheets.push_back(belt_sheet(in));
    book.sheets.push_back(station_sheet(in, look));
    return book;
}

}  // namespace beltplan::analysis
