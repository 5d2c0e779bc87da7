// Fixture: analysis may not see GDAL's driver header.
#include <ogrsf_frmts.h>
