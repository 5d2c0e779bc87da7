// Shared helpers of the render tests (header-only: the suite globs *_test.cpp): one offscreen
// renderer per process, pixel probes, and a dump of rendered images to BELTPLAN_TEST_PNG_DIR.
#pragma once

#include "analysis/plan_analysis.h"
#include "render/map_output.h"
#include "render/map_render.h"
#include "render/offscreen.h"
#include "render/palette.h"

#include <osg/Image>
#include <osgDB/WriteFile>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>

namespace beltplan::test {

// The process's offscreen renderer (null when no GL context can be made); pixel_at reads
// RGBA 0..1 at (x right, y up from the bottom row); near_color compares RGB within tol;
// distinct_colors counts 5-bit-quantised colours; dump_png writes <name>.png into
// $BELTPLAN_TEST_PNG_DIR when set.
inline render::OffscreenRenderer* renderer() {
    static std::unique_ptr<render::OffscreenRenderer> instance = [] {
        auto made = render::OffscreenRenderer::create();
        if (!made) {
            std::fprintf(stderr, "%s\n", made.error().message.c_str());
            return std::unique_ptr<render::OffscreenRenderer>();
        }
        return std::move(*made);
    }();
    return instance.get();
}

inline render::Rgba pixel_at(const osg::Image& image, int x, int y) {
    const unsigned char* p = image.data(x, y);
    return {p[0] / 255.f, p[1] / 255.f, p[2] / 255.f, p[3] / 255.f};
}

inline bool near_color(const render::Rgba& a, const render::Rgba& b, float tol = 0.06f) {
    return std::fabs(a.r - b.r) <= tol && std::fabs(a.g - b.g) <= tol &&
           std::fabs(a.b - b.b) <= tol;
}

inline int distinct_colors(const osg::Image& image) {
    std::set<int> colors;
    for (int y = 0; y < image.t(); y += 2) {
        for (int x = 0; x < image.s(); x += 2) {
            const unsigned char* p = image.data(x, y);
            colors.insert(((p[0] >> 3) << 10) | ((p[1] >> 3) << 5) | (p[2] >> 3));
        }
    }
    return static_cast<int>(colors.size());
}

inline void dump_png(const osg::Image& image, const std::string& name) {
    if (const char* dir = std::getenv("BELTPLAN_TEST_PNG_DIR"); dir != nullptr && *dir != '\0') {
        (void)osgDB::writeImageFile(image, std::string(dir) + "/" + name + ".png");
    }
}

// The same probes on a map image (row 0 at the top; x right, y down).
inline render::Rgba pixel_at(const core::RasterImage& image, int x, int y) {
    const std::uint8_t* p =
        &image.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) +
                     static_cast<std::size_t>(x)) *
                    4];
    return {p[0] / 255.f, p[1] / 255.f, p[2] / 255.f, p[3] / 255.f};
}

inline render::Rgba pixel_at(const render::MapImage& map, const render::PagePoint& p) {
    return pixel_at(map.image, static_cast<int>(p.x), static_cast<int>(p.y));
}

inline int distinct_colors(const core::RasterImage& image) {
    std::set<int> colors;
    for (int y = 0; y < image.height; y += 2) {
        for (int x = 0; x < image.width; x += 2) {
            const render::Rgba c = pixel_at(image, x, y);
            colors.insert((render::to_byte(c.r) >> 3 << 10) | (render::to_byte(c.g) >> 3 << 5) |
                          (render::to_byte(c.b) >> 3));
        }
    }
    return static_cast<int>(colors.size());
}

// Writes <name>.png into $BELTPLAN_TEST_PNG_DIR when set (look at what the tests drew).
inline void dump_map(const render::MapDocument& doc, const std::string& name) {
    if (const char* dir = std::getenv("BELTPLAN_TEST_PNG_DIR"); dir != nullptr && *dir != '\0') {
        (void)render::write_map(doc, std::string(dir) + "/" + name + ".png",
                                render::OutputFormat::kPng);
    }
}

// What a map of `plan` is drawn from: the plan's analysis (straight-line reach unless asked,
// at radius_m), held here, and the MapInputs that borrow it. Converts to those MapInputs;
// keep it alive while they are used. The plan must outlive it.
struct TestMapInputs {
    std::unique_ptr<analysis::PlanAnalysis> analysis;
    render::MapInputs in;
    operator const render::MapInputs&() const { return in; }  // NOLINT: implicit by design
};

inline TestMapInputs map_inputs(const core::Plan& plan, double radius_m,
                                core::DistanceMode distance = core::DistanceMode::kEuclidean) {
    analysis::AnalysisOptions options;
    options.radius_m = radius_m;
    options.distance = distance;
    TestMapInputs out;
    out.analysis = std::make_unique<analysis::PlanAnalysis>(plan, options);
    out.in.plan = &plan;
    out.in.analysis = out.analysis.get();
    return out;
}

inline std::string describe(const render::Rgba& c) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "rgb(%d, %d, %d)", static_cast<int>(std::lround(c.r * 255)),
                  static_cast<int>(std::lround(c.g * 255)),
                  static_cast<int>(std::lround(c.b * 255)));
    return buf;
}

}  // namespace beltplan::test
