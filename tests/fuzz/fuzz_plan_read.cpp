// Fuzz target: any bytes as a plan file (a GeoPackage, i.e. SQLite) through io::read_plan,
// which must return a plan or an Error, never crash, hang or trip a sanitizer.
#include "fuzz_support.h"
#include "io/plan_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = beltplan::fuzz::put(
        "plan.gpkg", std::string_view(reinterpret_cast<const char*>(data), size));
    (void)beltplan::io::read_plan(path);
    return 0;
}
