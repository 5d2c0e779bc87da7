// The obfuscated datums of Chinese web maps: GCJ-02 (AMap, Tencent, Google China) and BD-09
// (Baidu), to and from WGS-84. PROJ does not know them; the published formulas live here.
#pragma once

#include "core/geometry.h"

namespace beltplan::io {

// True inside the rough bounding box of China where the GCJ-02 shift applies.
bool in_china_box(const core::LonLat& p);

// WGS-84 -> GCJ-02 with the published formula (Krasovsky ellipsoid); no shift outside China.
core::LonLat wgs84_to_gcj02(const core::LonLat& wgs);
// GCJ-02 -> WGS-84 by iterating the forward formula to below 1e-9 degree (about 0.1 mm).
core::LonLat gcj02_to_wgs84(const core::LonLat& gcj);
// GCJ-02 -> BD-09 with Baidu's published formula (applied everywhere, as Baidu does).
core::LonLat gcj02_to_bd09(const core::LonLat& gcj);
// BD-09 -> GCJ-02 by iterating the forward formula.
core::LonLat bd09_to_gcj02(const core::LonLat& bd);
// WGS-84 -> BD-09 (through GCJ-02).
core::LonLat wgs84_to_bd09(const core::LonLat& wgs);
// BD-09 -> WGS-84 (through GCJ-02).
core::LonLat bd09_to_wgs84(const core::LonLat& bd);

}  // namespace beltplan::io
