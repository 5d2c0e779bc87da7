// The furniture of a meeting-ready map, drawn as a HUD camera in image pixels: title, legend,
// scale bar, north arrow, statistics box and the data's provenance line.
#pragma once

#include "render/village_colors.h"

#include <osg/Camera>
#include <osg/ref_ptr>
#include <osgText/Font>

#include <string>
#include <vector>

namespace beltplan::render {

struct MapFrameContent {
    std::string title;
    std::string subtitle;
    Legend legend;                   // village fill entries, then layer symbols
    std::vector<std::string> stats;  // lines of the statistics box
    std::string provenance;          // one line at the bottom
    double metres_per_pixel = 0.0;   // scale bar; 0 = none (tilted view)
    double north_deg = 0.0;          // direction of north, clockwise from up
};

// Size unit of the furniture for an image: 1 at 1000 px on the short side.
float frame_unit(int width, int height);
// Pixels reserved at the top (title) and bottom (provenance) of the image for the map frame.
int frame_top_px(int width, int height);
int frame_bottom_px(int width, int height);

// A POST_RENDER-style nested camera with an ortho projection (0..width, 0..height).
osg::ref_ptr<osg::Camera> build_map_frame(const MapFrameContent& content, int width, int height,
                                          const osg::ref_ptr<osgText::Font>& regular,
                                          const osg::ref_ptr<osgText::Font>& bold);

// A "nice" scale bar length (1, 2 or 5 times a power of ten metres) near target_m.
double nice_length_m(double target_m);

}  // namespace beltplan::render
