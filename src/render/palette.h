// Colours of the map: RGBA values, the categorical palette, gradients and the fixed colours
// of layers (sites per level, belts, roads). Pure values, no OSG.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace beltplan::render {

// A colour with components 0..1.
struct Rgba {
    float r = 0.f;
    float g = 0.f;
    float b = 0.f;
    float a = 1.f;
    bool operator==(const Rgba& o) const { return r == o.r && g == o.g && b == o.b && a == o.a; }
    bool operator!=(const Rgba& o) const { return !(*this == o); }
};

// From 0xRRGGBB and an alpha 0..1.
Rgba hex(std::uint32_t rgb, float alpha = 1.f);
// Linear blend: t = 0 gives a, 1 gives b.
Rgba mix(const Rgba& a, const Rgba& b, float t);
// 8-bit component of a colour channel 0..1 (rounded, clamped).
std::uint8_t to_byte(float channel);

// Categorical palette of clearly distinct, print-safe colours; index wraps around.
Rgba categorical(std::size_t index);
std::size_t categorical_count();
// Sequential gradient (light to dark) at t in 0..1.
Rgba sequential(float t);

// How a road is drawn: a fill line over an optional casing (pixels at scale 1).
struct RoadStyle {
    Rgba fill;
    float width_px = 1.f;
    Rgba casing;
    float casing_px = 0.f;  // 0 = no casing
    int rank = 0;           // drawing order: higher ranks on top
};
// Style by the road's class word (national, provincial, highway, county, township, English or
// Chinese 国道 省道 高速 县 乡); other classes draw as village roads.
RoadStyle road_style(const std::string& road_class);
// Style of a road that carries a demonstration belt (on top of every class).
RoadStyle belt_road_style();

namespace colors {
inline constexpr std::uint32_t kCovered = 0x74c476;    // green
inline constexpr std::uint32_t kUncovered = 0xfb9a6a;  // salmon
inline constexpr std::uint32_t kNoData = 0xd9d9d9;     // light grey
inline constexpr std::uint32_t kVillageLine = 0x8c8c8c;
inline constexpr std::uint32_t kTownshipLine = 0x3b3b3b;
inline constexpr std::uint32_t kSiteDistrict = 0xd7191c;  // red star
inline constexpr std::uint32_t kSiteTown = 0x2c7bb6;      // blue circle
inline constexpr std::uint32_t kReach = 0x6a3d9a;         // purple
inline constexpr std::uint32_t kBelt = 0x2171b5;          // blue band
inline constexpr std::uint32_t kBeltMember = 0x08306b;    // navy outline
inline constexpr std::uint32_t kBeltRoad = 0xcb181d;      // red road
inline constexpr std::uint32_t kStation = 0x1b7837;
inline constexpr std::uint32_t kText = 0x202020;
}  // namespace colors

}  // namespace beltplan::render
