// Fuzz target: any bytes as a village GeoJSON file through io::import_plan.
#include "fuzz_support.h"
#include "io/import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    beltplan::io::ImportOptions options;
    options.villages = beltplan::io::SourceSpec{
        beltplan::fuzz::put("v.geojson",
                            std::string_view(reinterpret_cast<const char*>(data), size)),
        "",
        {}};
    (void)beltplan::io::import_plan(options);
    return 0;
}
