// The per-village values the village shaders colour by: one RGBA32F texel per village (reach
// distance, kind class, joint-organization class, a custom class), row-major, 4096 wide. Only
// the texels written since the last frame go to the GPU: a moved site uploads the villages
// whose reach changed, a new radius or colour mode uploads nothing (those are uniforms).
#pragma once

#include "render/village_colors.h"

#include <osg/Texture2D>
#include <osg/ref_ptr>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace beltplan::render {

class VillageValues {
public:
    explicit VillageValues(std::size_t villages);
    ~VillageValues();
    VillageValues(const VillageValues&) = delete;
    VillageValues& operator=(const VillageValues&) = delete;

    // The texture the village programs sample (bp_village_values).
    osg::ref_ptr<osg::Texture2D> texture() const;
    std::size_t size() const { return villages_; }

    // Writes one channel of every village (values.size() == size()).
    void set_all(ValueChannel channel, const std::vector<float>& values);
    // Writes one channel of one village.
    void set(ValueChannel channel, std::size_t village, float value);
    float get(ValueChannel channel, std::size_t village) const;

    // Texels sent to the GPU so far (whole uploads count every texel): what the tests check.
    std::uint64_t uploaded_texels() const;

    struct Shared;  // written here, read by the texture's subload callback

private:
    std::size_t villages_;
    std::shared_ptr<Shared> shared_;
    osg::ref_ptr<osg::Texture2D> texture_;
};

}  // namespace beltplan::render
