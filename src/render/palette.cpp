// Palettes: a categorical set after ColorBrewer "Set3"/"Paired" tones that stay distinct in
// print, and a yellow-green-blue sequential ramp for distances and choropleths.
#include "render/palette.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace beltplan::render {

namespace {

constexpr std::array<std::uint32_t, 10> kCategorical = {
    0x8dd3c7, 0xfdb462, 0xbebada, 0xfb8072, 0x80b1d3,
    0xb3de69, 0xfccde5, 0xffed6f, 0xbc80bd, 0xccebc5,
};

constexpr std::array<std::uint32_t, 6> kSequential = {
    0xffffcc, 0xc7e9b4, 0x7fcdbb, 0x41b6c4, 0x2c7fb8, 0x253494,
};

}  // namespace

Rgba hex(std::uint32_t rgb, float alpha) {
    return Rgba{static_cast<float>((rgb >> 16) & 0xff) / 255.f,
                static_cast<float>((rgb >> 8) & 0xff) / 255.f,
                static_cast<float>(rgb & 0xff) / 255.f, alpha};
}

Rgba mix(const Rgba& a, const Rgba& b, float t) {
    return Rgba{a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t,
                a.a + (b.a - a.a) * t};
}

std::uint8_t to_byte(float channel) {
    return static_cast<std::uint8_t>(std::lround(std::clamp(channel, 0.f, 1.f) * 255.f));
}

Rgba categorical(std::size_t index) {
    return hex(kCategorical[index % kCategorical.size()]);
}

std::size_t categorical_count() {
    return kCategorical.size();
}

Rgba sequential(float t) {
    const float x = std::clamp(t, 0.f, 1.f) * static_cast<float>(kSequential.size() - 1);
    const auto i = std::min(static_cast<std::size_t>(x), kSequential.size() - 2);
    return mix(hex(kSequential[i]), hex(kSequential[i + 1]), x - static_cast<float>(i));
}

RoadStyle road_style(const std::string& road_class) {
    static const char* const kMajor[] = {"national", "provincial", "highway", "expressway",
                                         "国道",     "省道",       "高速"};
    for (const char* word : kMajor) {
        if (road_class.find(word) != std::string::npos) {
            return {hex(0xe34a33), 3.6f, hex(0x7f2704), 5.6f, 3};
        }
    }
    if (road_class.find("county") != std::string::npos ||
        road_class.find("县") != std::string::npos) {
        return {hex(0xfdd49e), 2.6f, hex(0x8c6d46), 4.4f, 2};
    }
    if (road_class.find("township") != std::string::npos ||
        road_class.find("乡") != std::string::npos) {
        return {hex(0x8d6e63), 1.3f, hex(0x000000, 0.f), 0.f, 1};
    }
    return {hex(0x969696), 1.0f, hex(0x000000, 0.f), 0.f, 0};
}

RoadStyle belt_road_style() {
    return {hex(colors::kBeltRoad), 3.2f, hex(0xffffff), 5.8f, 4};
}

}  // namespace beltplan::render
