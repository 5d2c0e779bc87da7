// MapScene: builds one group per layer under a transform to plan metres, owns the per-village
// values and height textures and the colouring uniforms, and follows the analysis's deltas.
#include "render/map_scene.h"

#include "render/label_layer.h"
#include "render/scene_levels.h"
#include "render/scene_parts.h"
#include "render/village_values.h"

#include <osg/MatrixTransform>
#include <osg/Texture2D>

#include <algorithm>
#include <cassert>
#include <cstring>

namespace beltplan::render {

namespace {

const char* const kLayerCodes[kLayerCount] = {"basemap", "townships", "villages",     "roads",
                                              "reach",   "belts",     "orgs",         "stations",
                                              "sites",   "labels",    "road_problems"};

// Texture of one texel per village, row-major, at most 4096 wide.
osg::ref_ptr<osg::Texture2D> village_texture(osg::Image* image, std::size_t villages,
                                             GLenum pixel_format, GLenum type, GLint internal) {
    const int n = static_cast<int>(std::max<std::size_t>(villages, 1));
    const int width = std::min(n, 4096);
    const int height = (n + width - 1) / width;
    image->allocateImage(width, height, 1, pixel_format, type);
    image->setInternalTextureFormat(internal);
    std::memset(image->data(), 0, image->getTotalSizeInBytes());
    image->setDataVariance(osg::Object::DYNAMIC);
    osg::ref_ptr<osg::Texture2D> texture = new osg::Texture2D(image);
    texture->setResizeNonPowerOfTwoHint(false);
    texture->setUseHardwareMipMapGeneration(false);
    texture->setFilter(osg::Texture::MIN_FILTER, osg::Texture::NEAREST);
    texture->setFilter(osg::Texture::MAG_FILTER, osg::Texture::NEAREST);
    texture->setDataVariance(osg::Object::DYNAMIC);
    return texture;
}

// Every LineWidth of a subgraph, with its width as built.
class CollectLineWidths : public osg::NodeVisitor {
public:
    explicit CollectLineWidths(std::vector<std::pair<osg::ref_ptr<osg::LineWidth>, float>>& out)
        : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN), out_(out) {}
    void apply(osg::Node& node) override {
        collect(node.getStateSet());
        traverse(node);
    }
    void apply(osg::Drawable& drawable) override { collect(drawable.getStateSet()); }

private:
    void collect(osg::StateSet* state) {
        if (state == nullptr) {
            return;
        }
        if (auto* w =
                dynamic_cast<osg::LineWidth*>(state->getAttribute(osg::StateAttribute::LINEWIDTH));
            w != nullptr) {
            out_.emplace_back(w, w->getWidth());
        }
    }
    std::vector<std::pair<osg::ref_ptr<osg::LineWidth>, float>>& out_;
};

}  // namespace

std::optional<Layer> parse_layer(const std::string& text) {
    for (std::size_t i = 0; i < kLayerCount; ++i) {
        if (text == kLayerCodes[i]) {
            return static_cast<Layer>(i);
        }
    }
    return std::nullopt;
}

const char* to_code(Layer layer) {
    return kLayerCodes[static_cast<std::size_t>(layer)];
}

MapScene::MapScene(const SceneInputs& inputs) {
    assert(inputs.plan != nullptr && "MapScene needs a plan");
    assert((inputs.analysis == nullptr || &inputs.analysis->plan() == inputs.plan) &&
           "the analysis must be of the scene's plan");
    const core::Plan& plan = *inputs.plan;
    village_count_ = plan.villages.size();
    bounds_ = core::bounds(plan);
    if (!bounds_.valid()) {
        bounds_.expand(core::PointM{0, 0});
    }
    origin_ = {std::round((bounds_.min_x + bounds_.max_x) / 2.0),
               std::round((bounds_.min_y + bounds_.max_y) / 2.0)};
    const detail::Frame frame{origin_};

    values_ = std::make_unique<VillageValues>(village_count_);
    values_->set_all(ValueChannel::kKind, kind_classes(plan));
    heights_ = new osg::Image;
    detail::VillageTextures textures;
    textures.values = values_->texture();
    textures.heights = village_texture(heights_.get(), village_count_, GL_RED, GL_FLOAT, GL_R32F);
    height_scale_ = new osg::Uniform("bp_height_scale", 1.f);
    textures.height_scale = height_scale_;
    textures.opacity = new osg::Uniform("bp_opacity", inputs.basemap != nullptr ? 0.7f : 1.f);

    layers_[static_cast<std::size_t>(Layer::kBasemap)] =
        inputs.basemap != nullptr ? detail::build_basemap(*inputs.basemap, frame)
                                  : osg::ref_ptr<osg::Group>(new osg::Group);
    const double extent = std::max(bounds_.width(), bounds_.height());
    auto levelled = [&](Layer layer, std::unique_ptr<detail::ScaleLevels> levels) {
        layers_[static_cast<std::size_t>(layer)] = new osg::Group;
        layers_[static_cast<std::size_t>(layer)]->addChild(levels->node());
        levels_.push_back(std::move(levels));
        return levels_.back().get();
    };
    levelled(Layer::kTownships, detail::township_levels(plan, frame, extent));
    if (inputs.extruded) {
        layers_[static_cast<std::size_t>(Layer::kVillages)] =
            detail::build_extruded_villages(plan, frame, textures);
    } else {
        village_levels_ =
            levelled(Layer::kVillages, detail::village_levels(plan, frame, textures, extent));
    }
    levelled(Layer::kRoads, detail::road_levels(plan, frame, extent));
    // The first level of detail; its line widths are collected with everyone else's below.
    for (const auto& levels : levels_) {
        levels->show_for(inputs.extruded ? 0.0 : inputs.m_per_px);
    }
    layers_[static_cast<std::size_t>(Layer::kSites)] = detail::build_sites(plan, frame);
    for (Layer l : {Layer::kReach, Layer::kBelts, Layer::kJointOrgs, Layer::kWorkStations,
                    Layer::kRoadProblems}) {
        layers_[static_cast<std::size_t>(l)] = new osg::Group;
    }
    if (inputs.font) {
        osg::ref_ptr<LabelLayer> labels = new LabelLayer(plan_labels(plan), inputs.font, origin_);
        std::vector<core::PointM> sites;
        for (const core::Site& s : plan.sites) {
            sites.push_back(s.position);
        }
        labels->set_obstacles(std::move(sites), site_marker_radius_px());
        layers_[static_cast<std::size_t>(Layer::kLabels)] = labels;
    } else {
        layers_[static_cast<std::size_t>(Layer::kLabels)] = new osg::Group;
    }

    osg::ref_ptr<osg::MatrixTransform> to_plan = new osg::MatrixTransform;
    to_plan->setMatrix(osg::Matrix::translate(origin_.x, origin_.y, 0.0));
    for (std::size_t i = 0; i < kLayerCount; ++i) {
        layers_[i]->setName(kLayerCodes[i]);
        to_plan->addChild(layers_[i].get());
    }
    root_ = new osg::Group;
    root_->setName("beltplan map");
    root_->addChild(to_plan.get());
    px_scale_ = new osg::Uniform("bp_px_scale", 1.f);
    root_->getOrCreateStateSet()->addUniform(px_scale_.get());
    reach_m_ = new osg::Uniform("bp_reach_m", 0.f);
    root_->getOrCreateStateSet()->addUniform(reach_m_.get());
    fill_uniforms_ = layers_[static_cast<std::size_t>(Layer::kVillages)]->getOrCreateStateSet();
    CollectLineWidths collect(line_widths_);
    root_->accept(collect);
    // Grey until coloured; with an analysis, every layer drawn from it.
    set_coloring(VillageColoring{});
    if (inputs.analysis != nullptr) {
        analysis::AnalysisDelta all;
        all.all_villages = true;
        all.dirty = ~0u;
        update(*inputs.analysis, all);
    }
    // Flat overlays (reach circles, belt bands) would cut through the blocks of the 2.5D view.
    if (inputs.extruded) {
        set_visible(Layer::kReach, false);
        set_visible(Layer::kBelts, false);
    }
}

MapScene::~MapScene() = default;

void MapScene::set_view_scale(double m_per_px) {
    m_per_px_ = m_per_px;
    for (const auto& levels : levels_) {
        adopt_line_widths(levels->show_for(m_per_px));
    }
    fit_discs();
}

void MapScene::fit_discs() {
    const double radius_px = m_per_px_ > 0.0 ? radius_m_ / m_per_px_ : 1e9;
    if (analysis_ != nullptr && analysis_->distance() == core::DistanceMode::kEuclidean &&
        detail::disc_sides_for(radius_px) != disc_sides_) {
        set_reach_layer(*analysis_);
    }
}

double MapScene::village_detail_m() const {
    return village_levels_ != nullptr ? village_levels_->shown_tolerance_m() : 0.0;
}

void MapScene::adopt_line_widths(osg::Node* node) {
    if (node == nullptr) {
        return;
    }
    std::vector<std::pair<osg::ref_ptr<osg::LineWidth>, float>> added;
    CollectLineWidths collect(added);
    node->accept(collect);
    for (auto& [width, base] : added) {
        width->setWidth(base * pixel_scale_);
        line_widths_.emplace_back(width, base);
    }
}

osg::ref_ptr<osg::Group> MapScene::layer(Layer layer) const {
    return layers_[static_cast<std::size_t>(layer)];
}

void MapScene::set_visible(Layer layer, bool visible) {
    layers_[static_cast<std::size_t>(layer)]->setNodeMask(visible ? ~0u : 0u);
}

void MapScene::set_road_problems(const std::vector<analysis::RoadProblem>& problems) {
    osg::Group* layer = layers_[static_cast<std::size_t>(Layer::kRoadProblems)].get();
    layer->removeChildren(0, layer->getNumChildren());
    layer->addChild(detail::build_road_problems(detail::Frame{origin_}, problems).get());
}

bool MapScene::visible(Layer layer) const {
    return layers_[static_cast<std::size_t>(layer)]->getNodeMask() != 0u;
}

void MapScene::set_pixel_scale(float scale) {
    pixel_scale_ = scale;
    px_scale_->set(scale);
    for (auto& [width, base] : line_widths_) {
        width->setWidth(base * scale);
    }
    if (auto* labels = dynamic_cast<LabelLayer*>(layer(Layer::kLabels).get()); labels != nullptr) {
        labels->set_pixel_scale(scale);
    }
}

void MapScene::set_label_obstacles(const std::vector<core::PointM>& points_m) {
    if (auto* labels = dynamic_cast<LabelLayer*>(layer(Layer::kLabels).get()); labels != nullptr) {
        labels->set_obstacles(points_m, site_marker_radius_px());
    }
}

float MapScene::site_marker_radius_px() {
    return detail::marker_radius_px(detail::MarkerShape::kStar, detail::kSiteStarPx);
}

void MapScene::set_coloring(const VillageColoring& coloring) {
    osg::StateSet* state = fill_uniforms_.get();
    osg::ref_ptr<osg::Uniform> palette =
        new osg::Uniform(osg::Uniform::FLOAT_VEC4, "bp_palette", kMaxPaletteSize);
    const Rgba& no_data = coloring.no_data;
    for (std::size_t i = 0; i < kMaxPaletteSize; ++i) {
        palette->setElement(
            i, detail::vec4(i < coloring.palette.size() ? coloring.palette[i] : no_data));
    }
    state->addUniform(palette.get());
    const std::pair<const char*, int> ints[] = {
        {"bp_fill_rule", static_cast<int>(coloring.rule)},
        {"bp_channel", static_cast<int>(coloring.channel)},
        {"bp_palette_size", static_cast<int>(std::min(coloring.palette.size(), kMaxPaletteSize))}};
    for (const auto& [name, value] : ints) {
        osg::ref_ptr<osg::Uniform> u = new osg::Uniform(name, value);
        state->addUniform(u.get());
    }
    osg::ref_ptr<osg::Uniform> none = new osg::Uniform("bp_no_data", detail::vec4(no_data));
    state->addUniform(none.get());
    if (coloring.channel == ValueChannel::kCustom && coloring.custom.size() == village_count_) {
        values_->set_all(ValueChannel::kCustom, coloring.custom);
    }
}

void MapScene::set_reach_radius(double radius_m) {
    reach_m_->set(stored_radius_m(radius_m));
    radius_m_ = radius_m;
    fit_discs();
}

float MapScene::reach_radius_uniform() const {
    float r = 0.f;
    reach_m_->get(r);
    return r;
}

void MapScene::update(const analysis::PlanAnalysis& analysis,
                      const analysis::AnalysisDelta& delta) {
    using analysis::Derived;
    const core::Plan& plan = analysis.plan();
    analysis_ = &analysis;
    const std::vector<analysis::Reach>& reach = analysis.reach();
    if (delta.all_villages) {
        values_->set_all(ValueChannel::kReach, reach_values(plan, reach));
    } else {
        for (int v : delta.villages) {
            const auto i = static_cast<std::size_t>(v);
            values_->set(ValueChannel::kReach, i, stored_reach_m(reach[i].distance_m));
        }
    }
    reach_m_->set(stored_radius_m(analysis.radius_m()));
    radius_m_ = analysis.radius_m();
    const bool network = analysis.distance() == core::DistanceMode::kNetwork;
    if (delta.has(Derived::kDistanceMode) ||
        (network ? delta.has(Derived::kReachRoads) : delta.has(Derived::kSites))) {
        set_reach_layer(analysis);
    } else {
        fit_discs();  // a new radius may want discs of other sides
    }
    const detail::Frame frame{origin_};
    if (delta.has(Derived::kBeltMembers)) {
        replace_layer(Layer::kBelts, detail::build_belts(plan, frame, analysis.belts()));
    }
    if (delta.has(Derived::kOrgOutlines) || delta.has(Derived::kContiguity)) {
        set_joint_orgs(analysis);
    }
    if (delta.has(Derived::kStations)) {
        replace_layer(Layer::kWorkStations,
                      detail::build_work_stations(plan, frame, analysis.station_outlines()));
    }
    if (delta.has(Derived::kSites)) {
        if (visible(Layer::kSites)) {
            set_sites(plan);
        } else {
            sites_stale_ = true;  // the window draws its own markers; set_sites when shown
        }
        std::vector<core::PointM> sites;
        sites.reserve(plan.sites.size());
        for (const core::Site& s : plan.sites) {
            sites.push_back(s.position);
        }
        set_label_obstacles(sites);
    }
}

void MapScene::set_reach_layer(const analysis::PlanAnalysis& analysis) {
    const double radius_px = m_per_px_ > 0.0 ? radius_m_ / m_per_px_ : 1e9;
    disc_sides_ = detail::disc_sides_for(radius_px);
    replace_layer(Layer::kReach,
                  detail::build_reach(analysis, detail::Frame{origin_}, disc_sides_));
}

void MapScene::set_joint_orgs(const analysis::PlanAnalysis& analysis) {
    const core::Plan& plan = analysis.plan();
    const analysis::ContiguityGraph& graph = analysis.contiguity();
    values_->set_all(ValueChannel::kOrg, joint_org_classes(plan, graph));
    replace_layer(Layer::kJointOrgs,
                  detail::build_joint_orgs(plan, detail::Frame{origin_}, analysis.org_outlines(),
                                           joint_org_color_indices(plan, graph)));
}

void MapScene::set_village_heights(const std::vector<float>& heights_m, float height_scale) {
    assert(heights_m.size() == village_count_ && "one height per village");
    auto* data = reinterpret_cast<float*>(heights_->data());
    std::copy(heights_m.begin(), heights_m.end(), data);
    heights_->dirty();
    height_scale_->set(height_scale);
}

void MapScene::set_sites(const core::Plan& plan) {
    sites_stale_ = false;
    replace_layer(Layer::kSites, detail::build_sites(plan, detail::Frame{origin_}));
}

void MapScene::replace_layer(Layer layer, osg::ref_ptr<osg::Group> fresh) {
    osg::Group* group = layers_[static_cast<std::size_t>(layer)].get();
    group->removeChildren(0, group->getNumChildren());
    // Forget the widths of the old geometry, then scale the new one like the rest.
    line_widths_.erase(std::remove_if(line_widths_.begin(), line_widths_.end(),
                                      [](const auto& w) { return w.first->referenceCount() == 1; }),
                       line_widths_.end());
    std::vector<std::pair<osg::ref_ptr<osg::LineWidth>, float>> added;
    CollectLineWidths collect(added);
    fresh->accept(collect);
    for (auto& [width, base] : added) {
        width->setWidth(base * pixel_scale_);
        line_widths_.emplace_back(width, base);
    }
    for (unsigned i = 0; i < fresh->getNumChildren(); ++i) {
        group->addChild(fresh->getChild(i));
    }
}

}  // namespace beltplan::render
