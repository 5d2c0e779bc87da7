// dissolve_villages: village shapes by code, merged by core::union_all (GEOS unary union).
#include "core/dissolve.h"

#include "core/geos_ops.h"

namespace beltplan::core {

MultiPolygon dissolve_villages(const Plan& plan, const std::vector<std::string>& codes) {
    return dissolve_villages(plan, village_index(plan), codes);
}

MultiPolygon dissolve_villages(const Plan& plan,
                               const std::unordered_map<std::string, std::size_t>& index,
                               const std::vector<std::string>& codes) {
    std::vector<const MultiPolygon*> shapes;
    shapes.reserve(codes.size());
    for (const std::string& code : codes) {
        if (auto it = index.find(code); it != index.end()) {
            shapes.push_back(&plan.villages[it->second].shape);
        }
    }
    return union_all(shapes);
}

}  // namespace beltplan::core
