// Incremental Euclidean reach: an R-tree of sites; a moved site is compared against every
// village anchor (a flat scan of contiguous doubles), and villages that lost their nearest
// site query the tree again.
#include "analysis/live_coverage.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

namespace beltplan::analysis {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {
using BPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using SiteEntry = std::pair<BPoint, int>;
}  // namespace

struct LiveEuclideanCoverage::Impl {
    std::vector<core::PointM> anchors;
    std::vector<core::PointM> sites;
    bgi::rtree<SiteEntry, bgi::rstar<16>> tree;
};

LiveEuclideanCoverage::LiveEuclideanCoverage(const core::Plan& plan)
    : impl_(std::make_unique<Impl>()), reach_(euclidean_reach(plan)) {
    impl_->anchors.reserve(plan.villages.size());
    for (const core::Village& v : plan.villages) {
        impl_->anchors.push_back(core::anchor(v));
    }
    for (std::size_t i = 0; i < plan.sites.size(); ++i) {
        const core::PointM& p = plan.sites[i].position;
        impl_->sites.push_back(p);
        impl_->tree.insert({BPoint(p.x, p.y), static_cast<int>(i)});
    }
}

LiveEuclideanCoverage::~LiveEuclideanCoverage() = default;

std::vector<int> LiveEuclideanCoverage::move_site(int site, const core::PointM& to) {
    const auto s = static_cast<std::size_t>(site);
    const core::PointM from = impl_->sites[s];
    impl_->tree.remove(SiteEntry{BPoint(from.x, from.y), site});
    impl_->sites[s] = to;
    impl_->tree.insert({BPoint(to.x, to.y), site});
    std::vector<int> changed;
    std::vector<SiteEntry> hit;
    for (std::size_t v = 0; v < reach_.size(); ++v) {
        const core::PointM& a = impl_->anchors[v];
        const double d = core::distance_m(a, to);
        if (reach_[v].site == site) {
            // Its site moved: the nearest may now be another one.
            hit.clear();
            impl_->tree.query(bgi::nearest(BPoint(a.x, a.y), 1), std::back_inserter(hit));
            const int nearest = hit.front().second;
            const double nd = core::distance_m(a, impl_->sites[static_cast<std::size_t>(nearest)]);
            if (nd != reach_[v].distance_m || nearest != site) {
                reach_[v] = Reach{nd, nearest};
                changed.push_back(static_cast<int>(v));
            }
        } else if (d < reach_[v].distance_m) {
            reach_[v] = Reach{d, site};
            changed.push_back(static_cast<int>(v));
        }
    }
    return changed;
}

LiveNetworkCoverage::LiveNetworkCoverage(const core::Plan& plan, const RoadNetwork& network)
    : network_(network) {
    for (const core::Village& v : plan.villages) {
        villages_.push_back(network.attach(core::anchor(v)));
    }
    for (const core::Site& s : plan.sites) {
        sites_.push_back(network.attach(s.position));
    }
    nodes_ = network.from_sources(sites_);
    reach_.reserve(villages_.size());
    for (const Attachment& a : villages_) {
        reach_.push_back(network.distance_to(a, sites_, nodes_));
    }
}

std::vector<int> LiveNetworkCoverage::move_site(int site, const core::PointM& to) {
    network_.move_source(nodes_, sites_, site, network_.attach(to));
    std::vector<int> changed;
    for (std::size_t v = 0; v < villages_.size(); ++v) {
        const Reach r = network_.distance_to(villages_[v], sites_, nodes_);
        if (r.distance_m != reach_[v].distance_m || r.site != reach_[v].site) {
            reach_[v] = r;
            changed.push_back(static_cast<int>(v));
        }
    }
    return changed;
}

}  // namespace beltplan::analysis
