// The plan model: townships, villages, roads, sites, joint organizations, belts, work
// stations and settings, in metres of one projected CRS (DESIGN.md sections 1 and 3).
#pragma once

#include "core/geometry.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace beltplan::core {

// A value of a source field that beltplan does not interpret; kept and written back as is.
struct FieldValue {
    enum class Type { kNull, kInteger, kReal, kString };
    Type type = Type::kNull;
    std::int64_t integer = 0;
    double real = 0.0;
    std::string text;  // UTF-8

    static FieldValue null() { return {}; }
    static FieldValue of_integer(std::int64_t v);
    static FieldValue of_real(double v);
    static FieldValue of_text(std::string v);
    bool operator==(const FieldValue& o) const;
};

struct ExtraField {
    std::string name;  // source field name, UTF-8
    FieldValue value;
    bool operator==(const ExtraField& o) const { return name == o.name && value == o.value; }
};

// Source fields in source order.
using ExtraFields = std::vector<ExtraField>;

enum class VillageKind { kUnknown, kHub, kTidal, kBasic, kHollow };
enum class SiteLevel { kDistrict, kTown };
enum class DistanceMode { kEuclidean, kNetwork };
enum class JointOrgMode { kStrongWeak, kRegional, kLeader, kStation };

// Code words used in files and JSON ("hub", "district", "network", "strong_weak").
const char* to_code(VillageKind kind);
const char* to_code(SiteLevel level);
const char* to_code(DistanceMode mode);
const char* to_code(JointOrgMode mode);
// Parse code words, and the Chinese user terms (枢纽型, 区级, ...); nullopt when unknown.
std::optional<VillageKind> parse_village_kind(const std::string& text);
std::optional<SiteLevel> parse_site_level(const std::string& text);
std::optional<DistanceMode> parse_distance_mode(const std::string& text);
std::optional<JointOrgMode> parse_joint_org_mode(const std::string& text);
// The Chinese user term of a kind (枢纽型 ...), "" for unknown.
const char* user_term(VillageKind kind);

struct Township {
    std::string code;  // 9 digits
    std::string name;
    MultiPolygon shape;
    ExtraFields extra;
    bool operator==(const Township& o) const;
};

struct Village {
    std::string code;  // 12 digits
    std::string name;
    std::string town_code;  // code of its Township
    MultiPolygon shape;
    std::optional<PointM> seat;  // village seat; anchor falls back to the area centroid
    std::optional<std::int64_t> population;
    std::optional<std::int64_t> party_members;
    std::optional<double> collective_income_wan_yuan;  // 万元 per year
    VillageKind kind = VillageKind::kUnknown;
    std::optional<bool> weak_org;  // 软弱涣散
    std::optional<bool> leader;    // 能人 available
    ExtraFields extra;
    bool operator==(const Village& o) const;
};

// The anchor point of a village: its seat when present, else the area centroid.
PointM anchor(const Village& village);

struct Road {
    std::string name;        // e.g. 张小线; belts refer to roads by name
    std::string road_class;  // e.g. county, township, village
    std::vector<LineString> parts;
    ExtraFields extra;
    bool operator==(const Road& o) const;
};

struct Site {
    std::string id;
    std::string name;
    PointM position;
    SiteLevel level = SiteLevel::kDistrict;
    std::string theme;
    std::string village_code;  // optional: the village it belongs to
    ExtraFields extra;
    bool operator==(const Site& o) const;
};

struct JointOrg {
    std::string id;
    std::string name;
    JointOrgMode mode = JointOrgMode::kStrongWeak;
    std::vector<std::string> members;  // village codes
    std::string lead;                  // village code of the lead
    bool operator==(const JointOrg& o) const;
};

struct Belt {
    std::string id;
    std::string name;
    std::vector<std::string> roads;  // road names
    double half_width_m = 1000.0;
    bool operator==(const Belt& o) const;
};

struct WorkStation {
    std::string id;
    std::string name;
    std::string town_code;
    std::vector<std::string> members;  // village codes
    std::string seat_village;          // village code of the station's seat
    bool operator==(const WorkStation& o) const;
};

// A manual contiguity edit between two villages (by code): a link joins them although their
// boundaries do not touch (a bridge over a river); a cut separates touching ones (a ridge no
// road crosses). Every analysis that uses the neighbour graph applies them.
struct ContiguityEdit {
    std::string a;       // village code
    std::string b;       // village code
    bool link = true;    // true: link, false: cut
    std::string reason;  // why, shown to planners
    bool operator==(const ContiguityEdit& o) const {
        return a == o.a && b == o.b && link == o.link && reason == o.reason;
    }
};

struct PlanSettings {
    double reach_m = 3000.0;
    DistanceMode distance = DistanceMode::kEuclidean;
    bool operator==(const PlanSettings& o) const {
        return reach_m == o.reach_m && distance == o.distance;
    }
};

// The projected CRS all coordinates are in.
struct CrsInfo {
    int epsg = 0;     // 0 when the CRS has no EPSG code
    std::string wkt;  // WKT2 text, authoritative
    std::string name;
    bool operator==(const CrsInfo& o) const { return epsg == o.epsg && wkt == o.wkt; }
};

struct Plan {
    std::string name;
    std::string provenance;  // one line shown on maps: where the data came from
    // Village areas are Voronoi cells of the seats within each township (DESIGN.md section 2),
    // not surveyed boundaries; every map and report made from the plan must say so.
    bool approximate_village_areas = false;
    CrsInfo crs;
    PlanSettings settings;
    std::vector<Township> townships;
    std::vector<Village> villages;
    std::vector<Road> roads;
    std::vector<Site> sites;
    std::vector<JointOrg> joint_orgs;
    std::vector<Belt> belts;
    std::vector<WorkStation> work_stations;
    std::vector<ContiguityEdit> contiguity_edits;  // applied in order; a later edit wins
    bool operator==(const Plan& o) const;
};

// Index from village code to position in plan.villages.
std::unordered_map<std::string, std::size_t> village_index(const Plan& plan);
// Bounds of every village and township shape.
Box bounds(const Plan& plan);

}  // namespace beltplan::core
