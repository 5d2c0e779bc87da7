// Fixture: io may not see OpenSceneGraph, but PROJ is fine there.
#include <osgDB/ReadFile>
#include <proj_experimental.h>
