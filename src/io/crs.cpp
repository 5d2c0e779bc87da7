// PROJ-backed coordinate transforms with one PJ_CONTEXT per thread; axis order is normalised
// here (proj_normalize_for_visualization) so the rest of beltplan sees x = lon / easting.
#include "io/crs.h"

#include <proj.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace beltplan::io {

namespace {

// The calling thread's PROJ context, destroyed with the thread.
class ProjContext {
public:
    // PROJ's own log goes to stderr; errors are read back with proj_context_errno instead.
    ProjContext() : ctx_(proj_context_create()) { proj_log_level(ctx_, PJ_LOG_NONE); }
    ~ProjContext() { proj_context_destroy(ctx_); }
    ProjContext(const ProjContext&) = delete;
    ProjContext& operator=(const ProjContext&) = delete;
    PJ_CONTEXT* get() const { return ctx_; }

private:
    PJ_CONTEXT* ctx_;
};

PJ_CONTEXT* thread_context() {
    thread_local ProjContext context;
    return context.get();
}

struct PjDeleter {
    void operator()(PJ* pj) const {
        if (pj != nullptr) {
            proj_destroy(pj);
        }
    }
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

struct ObjListDeleter {
    void operator()(PJ_OBJ_LIST* list) const {
        if (list != nullptr) {
            proj_list_destroy(list);
        }
    }
};
using ObjListPtr = std::unique_ptr<PJ_OBJ_LIST, ObjListDeleter>;

// PROJ's text for the context's last error, or a fallback.
std::string last_proj_error() {
    PJ_CONTEXT* ctx = thread_context();
    const int err = proj_context_errno(ctx);
    const char* text = err != 0 ? proj_context_errno_string(ctx, err) : nullptr;
    return text != nullptr ? text : "PROJ cannot read it";
}

// A shortened definition for messages: WKT can be kilobytes long.
std::string short_definition(const std::string& definition) {
    constexpr std::size_t kMax = 60;
    return definition.size() <= kMax ? definition : definition.substr(0, kMax) + "...";
}

core::Error bad_crs(const std::string& definition, const std::string& why) {
    return core::make_error(core::ErrorCode::kBadCrs, {},
                            "the CRS '" + short_definition(definition) + "' is not usable: " + why);
}

// EPSG code of a CRS object: its own id, else the single strong PROJ identification, else 0.
int epsg_of(const PJ* crs) {
    const char* auth = proj_get_id_auth_name(crs, 0);
    const char* code = proj_get_id_code(crs, 0);
    if (auth != nullptr && code != nullptr && std::string(auth) == "EPSG") {
        return std::atoi(code);
    }
    int* confidence = nullptr;
    ObjListPtr matches(proj_identify(thread_context(), crs, "EPSG", nullptr, &confidence));
    int epsg = 0;
    if (matches && proj_list_get_count(matches.get()) > 0 && confidence != nullptr &&
        confidence[0] >= 90) {
        PjPtr best(proj_list_get(thread_context(), matches.get(), 0));
        const char* best_code = best ? proj_get_id_code(best.get(), 0) : nullptr;
        epsg = best_code != nullptr ? std::atoi(best_code) : 0;
    }
    proj_int_list_destroy(confidence);
    return epsg;
}

}  // namespace

int gk3_central_meridian(double lon_deg) {
    const int cm = static_cast<int>(std::lround(lon_deg / 3.0)) * 3;
    return std::clamp(cm, 75, 135);
}

int gk3_zone_epsg(double lon_deg) {
    return 4534 + (gk3_central_meridian(lon_deg) - 75) / 3;
}

struct CoordinateTransform::Impl {
    PjPtr pj;
};

CoordinateTransform::CoordinateTransform(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CoordinateTransform::CoordinateTransform(CoordinateTransform&& other) noexcept = default;
CoordinateTransform& CoordinateTransform::operator=(CoordinateTransform&& other) noexcept = default;
CoordinateTransform::~CoordinateTransform() = default;

core::Result<CoordinateTransform> CoordinateTransform::create(const std::string& from,
                                                              const std::string& to) {
    PJ_CONTEXT* ctx = thread_context();
    for (const std::string* def : {&from, &to}) {
        PjPtr crs(proj_create(ctx, def->c_str()));
        if (!crs) {
            return bad_crs(*def, last_proj_error());
        }
        if (proj_is_crs(crs.get()) == 0) {
            return bad_crs(*def, "it is not a coordinate reference system");
        }
    }
    PjPtr raw(proj_create_crs_to_crs(ctx, from.c_str(), to.c_str(), nullptr));
    if (!raw) {
        return bad_crs(from,
                       "no transformation to '" + short_definition(to) + "': " + last_proj_error());
    }
    PjPtr normalized(proj_normalize_for_visualization(ctx, raw.get()));
    if (!normalized) {
        return bad_crs(from, "cannot normalise the axis order: " + last_proj_error());
    }
    auto impl = std::make_unique<Impl>();
    impl->pj = std::move(normalized);
    return CoordinateTransform(std::move(impl));
}

bool CoordinateTransform::apply(double* x, double* y, std::size_t n) const {
    if (n == 0) {
        return true;
    }
    proj_errno_reset(impl_->pj.get());
    const std::size_t done = proj_trans_generic(impl_->pj.get(), PJ_FWD, x, sizeof(double), n, y,
                                                sizeof(double), n, nullptr, 0, 0, nullptr, 0, 0);
    if (done != n) {
        return false;
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i])) {
            return false;
        }
    }
    return true;
}

bool CoordinateTransform::apply(double& x, double& y) const {
    double tx = x;
    double ty = y;
    if (!apply(&tx, &ty, 1)) {
        return false;
    }
    x = tx;
    y = ty;
    return true;
}

core::Result<core::CrsInfo> describe_crs(const std::string& definition) {
    PJ_CONTEXT* ctx = thread_context();
    PjPtr crs(proj_create(ctx, definition.c_str()));
    if (!crs) {
        return bad_crs(definition, last_proj_error());
    }
    if (proj_is_crs(crs.get()) == 0) {
        return bad_crs(definition, "it is not a coordinate reference system");
    }
    core::CrsInfo info;
    info.epsg = epsg_of(crs.get());
    const char* name = proj_get_name(crs.get());
    info.name = name != nullptr ? name : "";
    const char* wkt = proj_as_wkt(ctx, crs.get(), PJ_WKT2_2019, nullptr);
    if (wkt == nullptr) {
        return bad_crs(definition, "PROJ cannot write it as WKT2");
    }
    info.wkt = wkt;
    return info;
}

bool is_geographic_crs(const std::string& definition) {
    PjPtr crs(proj_create(thread_context(), definition.c_str()));
    if (!crs) {
        return false;
    }
    const PJ_TYPE type = proj_get_type(crs.get());
    return type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS;
}

std::optional<AreaOfUse> area_of_use(const std::string& definition) {
    PjPtr crs(proj_create(thread_context(), definition.c_str()));
    if (!crs) {
        return std::nullopt;
    }
    AreaOfUse a;
    const char* name = nullptr;
    if (proj_get_area_of_use(thread_context(), crs.get(), &a.west, &a.south, &a.east, &a.north,
                             &name) == 0 ||
        a.west < -180.0 || a.south < -90.0) {
        return std::nullopt;  // PROJ reports -1000 for an unknown area
    }
    return a;
}

std::optional<double> tmerc_false_easting(const std::string& definition) {
    PjPtr crs(proj_create(thread_context(), definition.c_str()));
    if (!crs || proj_get_type(crs.get()) != PJ_TYPE_PROJECTED_CRS) {
        return std::nullopt;
    }
    const char* text = proj_as_proj_string(thread_context(), crs.get(), PJ_PROJ_5, nullptr);
    const std::string proj = text != nullptr ? text : "";
    if (proj.find("+proj=tmerc") == std::string::npos) {
        return std::nullopt;
    }
    const std::size_t at = proj.find("+x_0=");
    return at == std::string::npos ? 0.0 : std::strtod(proj.c_str() + at + 5, nullptr);
}

std::string datum_name(const std::string& definition) {
    PjPtr crs(proj_create(thread_context(), definition.c_str()));
    if (!crs) {
        return "";
    }
    PjPtr datum(proj_crs_get_datum(thread_context(), crs.get()));
    if (!datum) {
        datum.reset(proj_crs_get_datum_ensemble(thread_context(), crs.get()));
    }
    const char* name = datum ? proj_get_name(datum.get()) : nullptr;
    return name != nullptr ? name : "";
}

std::optional<double> datum_shift_m(int operation_epsg, double lon, double lat) {
    PJ_CONTEXT* ctx = thread_context();
    // "EPSG:n" names CRSs only; an operation needs its URN.
    const std::string urn =
        "urn:ogc:def:coordinateOperation:EPSG::" + std::to_string(operation_epsg);
    PjPtr op(proj_create(ctx, urn.c_str()));
    if (!op) {
        return std::nullopt;
    }
    PjPtr normal(proj_normalize_for_visualization(ctx, op.get()));
    if (!normal) {
        return std::nullopt;
    }
    PJ_COORD in = proj_coord(lon, lat, 0.0, 0.0);
    PJ_COORD out = proj_trans(normal.get(), PJ_FWD, in);
    if (!std::isfinite(out.xy.x) || !std::isfinite(out.xy.y)) {
        return std::nullopt;
    }
    constexpr double kMetresPerDegree = 111320.0;
    constexpr double kPi = 3.14159265358979323846;
    const double dy = (out.xy.y - lat) * kMetresPerDegree;
    const double dx = (out.xy.x - lon) * kMetresPerDegree * std::cos(lat * kPi / 180.0);
    return std::hypot(dx, dy);
}

}  // namespace beltplan::io
