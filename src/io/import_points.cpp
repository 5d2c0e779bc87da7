// Approximate village areas (DESIGN.md section 2, issue 8 item 7): when the data has village
// seats (村委会驻地) and township polygons only, each village's area is its Voronoi cell among
// the seats of its township, clipped to the township polygon (core::voronoi_cells, GEOS).
#include "core/geos_ops.h"
#include "core/messages.h"
#include "io/import_layers.h"

#include <map>

namespace beltplan::io {

namespace {

std::string village_label(const core::Village& v) {
    return v.name + " (" + v.code + ")";
}

// Villages grouped by the township they were assigned to; an Error for one with none.
core::Result<std::map<std::size_t, std::vector<std::size_t>>> group_by_township(
    const std::vector<core::Village>& villages, const std::vector<core::Township>& townships,
    const std::string& file) {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < townships.size(); ++i) {
        index.emplace(townships[i].code, i);
    }
    std::map<std::size_t, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < villages.size(); ++i) {
        const auto t = index.find(villages[i].town_code);
        if (t == index.end()) {
            return core::make_error(
                core::ErrorCode::kUnknownReference, {file, "", -1, ""},
                core::tr("import.points.no_township", {village_label(villages[i])}));
        }
        groups[t->second].push_back(i);
    }
    return groups;
}

core::Status cells_of_township(const core::Township& township,
                               const std::vector<std::size_t>& members,
                               std::vector<core::Village>& villages, const std::string& file,
                               ImportReport& report) {
    std::vector<core::PointM> seats;
    for (std::size_t i = 0; i < members.size(); ++i) {
        const core::PointM& s = *villages[members[i]].seat;
        for (std::size_t j = 0; j < i; ++j) {
            if (seats[j] == s) {
                return core::make_error(
                    core::ErrorCode::kBadValue, {file, "", -1, ""},
                    core::tr("import.points.same_seat", {village_label(villages[members[j]]),
                                                         village_label(villages[members[i]])}));
            }
        }
        seats.push_back(s);
    }
    std::vector<core::MultiPolygon> cells;
    if (seats.size() == 1) {
        cells.push_back(township.shape);  // one village fills its township
    } else {
        cells = core::voronoi_cells(seats, township.shape);
    }
    for (std::size_t i = 0; i < members.size(); ++i) {
        core::Village& v = villages[members[i]];
        if (cells[i].empty()) {
            return core::make_error(
                core::ErrorCode::kBadValue, {file, "", -1, ""},
                core::tr("import.points.empty_cell", {village_label(v), township.name}));
        }
        v.shape = std::move(cells[i]);
        if (!core::contains(v.shape, *v.seat)) {
            report.warn("seat_outside_township", core::tr("import.ex.seat_outside_township",
                                                          {village_label(v), township.name}));
        }
    }
    return core::Ok{};
}

}  // namespace

core::Status build_approximate_areas(std::vector<core::Village>& villages,
                                     const std::vector<core::Township>& townships,
                                     const std::string& file, ImportReport& report) {
    auto groups = group_by_township(villages, townships, file);
    if (!groups) {
        return groups.error();
    }
    for (const auto& [t, members] : *groups) {
        if (core::Status s = cells_of_township(townships[t], members, villages, file, report); !s) {
            return s;
        }
    }
    return core::Ok{};
}

}  // namespace beltplan::io
