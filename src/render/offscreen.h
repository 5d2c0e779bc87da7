// Offscreen rendering without any window system: an EGL context (a GPU through the EGL device
// platform, else Mesa's surfaceless llvmpipe), an embedded OSG viewer drawing into a
// framebuffer object, and images larger than the GL limits rendered in tiles and stitched.
#pragma once

#include "core/result.h"

#include <osg/Camera>
#include <osg/Image>
#include <osg/Matrixd>
#include <osg/Node>
#include <osg/ref_ptr>

#include <memory>
#include <string>

namespace beltplan::render {

// Box-filters an RGBA image down by an integer factor (supersampling antialiasing: OSG 3.6's
// multisample FBO set-up fails on Mesa with image attachments, and this works everywhere).
osg::ref_ptr<osg::Image> downsample(const osg::Image& image, int factor);

// One full image: its size, the camera for the whole image, and how to draw it.
struct ViewSetup {
    int width = 800;
    int height = 600;
    osg::Matrixd view;
    osg::Matrixd projection;  // for the whole image; tiles get an offset sub-projection
    osg::Vec4 clear_color = osg::Vec4(1, 1, 1, 1);
    int tile_px = 0;  // largest tile side; 0 = the context's limit
};

class OffscreenRenderer {
public:
    // Makes the EGL context and the embedded viewer; an error in one sentence when no GL
    // context can be made (no EGL, no Mesa drivers, no GPU access).
    static core::Result<std::unique_ptr<OffscreenRenderer>> create();
    ~OffscreenRenderer();
    OffscreenRenderer(const OffscreenRenderer&) = delete;
    OffscreenRenderer& operator=(const OffscreenRenderer&) = delete;

    // Draws `scene` and then `hud` (an ortho camera in image pixels, origin bottom-left; may be
    // null) into an RGBA image of view.width x view.height, origin bottom-left.
    core::Result<osg::ref_ptr<osg::Image>> render(osg::Node* scene, osg::Camera* hud,
                                                  const ViewSetup& view);

    // GL_RENDERER and GL_VERSION of the context ("llvmpipe (LLVM 15.0.6, 256 bits)").
    const std::string& gl_renderer() const;
    // Largest tile side this context can draw (renderbuffer, viewport and texture limits).
    int max_tile_px() const;
    // True when every program used by the last render compiled and linked; else the log.
    bool programs_linked(std::string* log) const;

private:
    OffscreenRenderer();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The sub-projection of tile (x0, y0, w, h) of a width x height image: full projection * this.
osg::Matrixd tile_matrix(int width, int height, int x0, int y0, int w, int h);

}  // namespace beltplan::render
