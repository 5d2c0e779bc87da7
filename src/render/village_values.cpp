// VillageValues: the texels live on the CPU; the texture's subload callback sends the whole
// texture once, then each frame only the runs of texels written since (glTexSubImage2D per
// run within a row).
#include "render/village_values.h"

#include <osg/GL>
#include <osg/State>

#include <algorithm>
#include <cassert>

namespace beltplan::render {

namespace {

constexpr int kMaxWidth = 4096;

}  // namespace

struct VillageValues::Shared {
    int width = 1;
    int height = 1;
    std::vector<float> texels;           // 4 floats per village, row-major
    std::vector<std::uint32_t> pending;  // villages written since the last upload
    bool all_pending = true;
    std::uint64_t uploaded = 0;
};

namespace {

class Subload : public osg::Texture2D::SubloadCallback {
public:
    explicit Subload(std::shared_ptr<VillageValues::Shared> shared) : shared_(std::move(shared)) {}

    void load(const osg::Texture2D& /*texture*/, osg::State& /*state*/) const override {
        VillageValues::Shared& s = *shared_;
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32F_ARB, s.width, s.height, 0, GL_RGBA, GL_FLOAT,
                     s.texels.data());
        s.uploaded += static_cast<std::uint64_t>(s.width) * static_cast<std::uint64_t>(s.height);
        s.pending.clear();
        s.all_pending = false;
    }

    void subload(const osg::Texture2D& texture, osg::State& state) const override {
        VillageValues::Shared& s = *shared_;
        if (s.all_pending) {
            load(texture, state);
            return;
        }
        if (s.pending.empty()) {
            return;
        }
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        std::sort(s.pending.begin(), s.pending.end());
        s.pending.erase(std::unique(s.pending.begin(), s.pending.end()), s.pending.end());
        const auto width = static_cast<std::uint32_t>(s.width);
        for (std::size_t i = 0; i < s.pending.size();) {
            // A run of consecutive texels within one row.
            std::size_t j = i + 1;
            while (j < s.pending.size() && s.pending[j] == s.pending[j - 1] + 1 &&
                   s.pending[j] % width != 0) {
                ++j;
            }
            const std::uint32_t first = s.pending[i];
            glTexSubImage2D(GL_TEXTURE_2D, 0, static_cast<GLint>(first % width),
                            static_cast<GLint>(first / width), static_cast<GLsizei>(j - i), 1,
                            GL_RGBA, GL_FLOAT, s.texels.data() + 4 * std::size_t{first});
            s.uploaded += j - i;
            i = j;
        }
        s.pending.clear();
    }

protected:
    ~Subload() override = default;

private:
    std::shared_ptr<VillageValues::Shared> shared_;
};

}  // namespace

VillageValues::VillageValues(std::size_t villages)
    : villages_(villages), shared_(std::make_shared<Shared>()) {
    const int n = static_cast<int>(std::max<std::size_t>(villages, 1));
    shared_->width = std::min(n, kMaxWidth);
    shared_->height = (n + shared_->width - 1) / shared_->width;
    shared_->texels.assign(
        4 * static_cast<std::size_t>(shared_->width) * static_cast<std::size_t>(shared_->height),
        -1.f);
    texture_ = new osg::Texture2D;
    texture_->setTextureSize(shared_->width, shared_->height);
    texture_->setInternalFormat(GL_RGBA32F_ARB);
    texture_->setSourceFormat(GL_RGBA);
    texture_->setSourceType(GL_FLOAT);
    texture_->setResizeNonPowerOfTwoHint(false);
    texture_->setUseHardwareMipMapGeneration(false);
    texture_->setFilter(osg::Texture::MIN_FILTER, osg::Texture::NEAREST);
    texture_->setFilter(osg::Texture::MAG_FILTER, osg::Texture::NEAREST);
    texture_->setDataVariance(osg::Object::DYNAMIC);
    osg::ref_ptr<Subload> subload = new Subload(shared_);
    texture_->setSubloadCallback(subload.get());
}

VillageValues::~VillageValues() = default;

osg::ref_ptr<osg::Texture2D> VillageValues::texture() const {
    return texture_;
}

void VillageValues::set_all(ValueChannel channel, const std::vector<float>& values) {
    assert(values.size() == villages_ && "one value per village");
    const auto c = static_cast<std::size_t>(channel);
    for (std::size_t i = 0; i < values.size(); ++i) {
        shared_->texels[4 * i + c] = values[i];
    }
    shared_->all_pending = true;
    shared_->pending.clear();
}

void VillageValues::set(ValueChannel channel, std::size_t village, float value) {
    assert(village < villages_ && "a village of the scene");
    float& texel = shared_->texels[4 * village + static_cast<std::size_t>(channel)];
    if (texel == value) {
        return;
    }
    texel = value;
    if (!shared_->all_pending) {
        shared_->pending.push_back(static_cast<std::uint32_t>(village));
    }
}

float VillageValues::get(ValueChannel channel, std::size_t village) const {
    return shared_->texels[4 * village + static_cast<std::size_t>(channel)];
}

std::uint64_t VillageValues::uploaded_texels() const {
    return shared_->uploaded;
}

}  // namespace beltplan::render
