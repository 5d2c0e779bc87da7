// Fuzz target: a village Shapefile (.shp, .shx, .dbf packed as tests/fuzz/pack.py does, plus
// an optional .cpg) through io::import_plan.
#include "fuzz_support.h"
#include "io/import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parts = beltplan::fuzz::split(data, size, 4);
    beltplan::fuzz::put("v.shx", parts[1]);
    beltplan::fuzz::put("v.dbf", parts[2]);
    beltplan::fuzz::put("v.cpg", parts[3]);
    beltplan::io::ImportOptions options;
    options.villages = beltplan::io::SourceSpec{beltplan::fuzz::put("v.shp", parts[0]), "", {}};
    options.source_crs = "EPSG:4490";
    (void)beltplan::io::import_plan(options);
    return 0;
}
