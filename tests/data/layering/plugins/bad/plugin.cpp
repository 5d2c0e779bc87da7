// Fixture: a plugin may not see render or PROJ.
#include "render/map_scene.h"

#include <proj_experimental.h>
