// EGL context creation (device platform for GPUs, Mesa surfaceless for llvmpipe), the embedded
// viewer drawing into a multisampled FBO, and tiled rendering of large images.
#include "render/offscreen.h"

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>
#include <GL/glext.h>
#include <osg/NodeVisitor>
#include <osg/Program>
#include <osgViewer/Viewer>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <set>
#include <vector>

namespace beltplan::render {

namespace {

// ------------------------------------------------------------------------------------------
// [SECTION] EGL
// ------------------------------------------------------------------------------------------

struct EglContext {
    EGLDisplay display = EGL_NO_DISPLAY;
    EGLContext context = EGL_NO_CONTEXT;
    EGLSurface surface = EGL_NO_SURFACE;
};

bool has_extension(const char* list, const char* name) {
    return list != nullptr && std::strstr(list, name) != nullptr;
}

// Displays to try, GPUs first: hardware EGL devices, then Mesa's surfaceless platform, then
// the default display. BELTPLAN_EGL=surfaceless skips the devices.
std::vector<EGLDisplay> candidate_displays() {
    std::vector<EGLDisplay> out;
    auto get_display = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(
        eglGetProcAddress("eglGetPlatformDisplayEXT"));
    auto query_devices =
        reinterpret_cast<PFNEGLQUERYDEVICESEXTPROC>(eglGetProcAddress("eglQueryDevicesEXT"));
    auto device_string = reinterpret_cast<PFNEGLQUERYDEVICESTRINGEXTPROC>(
        eglGetProcAddress("eglQueryDeviceStringEXT"));
    const char* choice = std::getenv("BELTPLAN_EGL");
    const bool devices_ok = choice == nullptr || std::strcmp(choice, "surfaceless") != 0;
    if (get_display != nullptr && query_devices != nullptr && devices_ok) {
        EGLDeviceEXT devices[16];
        EGLint n = 0;
        if (query_devices(16, devices, &n) == EGL_TRUE) {
            for (EGLint i = 0; i < n; ++i) {
                const char* ext =
                    device_string != nullptr ? device_string(devices[i], EGL_EXTENSIONS) : nullptr;
                if (!has_extension(ext, "EGL_MESA_device_software")) {
                    out.push_back(get_display(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr));
                }
            }
        }
    }
    if (get_display != nullptr) {
        out.push_back(get_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr));
    }
    return out;
}

bool try_display(EGLDisplay display, EglContext& out) {
    EGLint major = 0;
    EGLint minor = 0;
    if (display == EGL_NO_DISPLAY || eglInitialize(display, &major, &minor) != EGL_TRUE) {
        return false;
    }
    const EGLint attribs[] = {EGL_SURFACE_TYPE,
                              EGL_PBUFFER_BIT,
                              EGL_RENDERABLE_TYPE,
                              EGL_OPENGL_BIT,
                              EGL_RED_SIZE,
                              8,
                              EGL_GREEN_SIZE,
                              8,
                              EGL_BLUE_SIZE,
                              8,
                              EGL_ALPHA_SIZE,
                              8,
                              EGL_DEPTH_SIZE,
                              24,
                              EGL_STENCIL_SIZE,
                              8,
                              EGL_NONE};
    EGLConfig config = nullptr;
    EGLint count = 0;
    if (eglChooseConfig(display, attribs, &config, 1, &count) != EGL_TRUE || count < 1 ||
        eglBindAPI(EGL_OPENGL_API) != EGL_TRUE) {
        eglTerminate(display);
        return false;
    }
    EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, nullptr);
    if (context == EGL_NO_CONTEXT) {
        eglTerminate(display);
        return false;
    }
    const EGLint pbuffer[] = {EGL_WIDTH, 16, EGL_HEIGHT, 16, EGL_NONE};
    EGLSurface surface = eglCreatePbufferSurface(display, config, pbuffer);
    if (eglMakeCurrent(display, surface, surface, context) != EGL_TRUE) {
        if (surface != EGL_NO_SURFACE) {
            eglDestroySurface(display, surface);
        }
        eglDestroyContext(display, context);
        eglTerminate(display);
        return false;
    }
    out = EglContext{display, context, surface};
    return true;
}

// ------------------------------------------------------------------------------------------
// [SECTION] Programs
// ------------------------------------------------------------------------------------------

class CollectPrograms : public osg::NodeVisitor {
public:
    CollectPrograms() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    void apply(osg::Node& node) override {
        collect(node.getStateSet());
        traverse(node);
    }
    void apply(osg::Drawable& drawable) override { collect(drawable.getStateSet()); }
    std::set<const osg::Program*> programs;

private:
    void collect(const osg::StateSet* state) {
        if (state == nullptr) {
            return;
        }
        if (const auto* p = dynamic_cast<const osg::Program*>(
                state->getAttribute(osg::StateAttribute::PROGRAM));
            p != nullptr) {
            programs.insert(p);
        }
    }
};

}  // namespace

// ------------------------------------------------------------------------------------------
// [SECTION] Renderer
// ------------------------------------------------------------------------------------------

struct OffscreenRenderer::Impl {
    EglContext egl;
    osg::ref_ptr<osgViewer::Viewer> viewer;
    osg::ref_ptr<osg::Group> root;
    std::string renderer;
    int max_tile = 4096;

    void make_current() const {
        eglMakeCurrent(egl.display, egl.surface, egl.surface, egl.context);
    }
};

OffscreenRenderer::OffscreenRenderer() : impl_(std::make_unique<Impl>()) {}

OffscreenRenderer::~OffscreenRenderer() {
    if (impl_->egl.display == EGL_NO_DISPLAY) {
        return;
    }
    impl_->make_current();
    impl_->viewer = nullptr;  // releases GL objects while the context is current
    eglMakeCurrent(impl_->egl.display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (impl_->egl.surface != EGL_NO_SURFACE) {
        eglDestroySurface(impl_->egl.display, impl_->egl.surface);
    }
    eglDestroyContext(impl_->egl.display, impl_->egl.context);
    eglTerminate(impl_->egl.display);
}

core::Result<std::unique_ptr<OffscreenRenderer>> OffscreenRenderer::create() {
    std::unique_ptr<OffscreenRenderer> r(new OffscreenRenderer);
    bool made = false;
    for (EGLDisplay d : candidate_displays()) {
        if (try_display(d, r->impl_->egl)) {
            made = true;
            break;
        }
    }
    if (!made) {
        return core::make_error(
            core::ErrorCode::kInternal, {},
            "no OpenGL context could be made for offscreen rendering (EGL found no GPU and no "
            "Mesa software renderer); install libegl1 and libgl1-mesa-dri, or give the process "
            "access to the GPU.");
    }
    const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    r->impl_->renderer = std::string(name != nullptr ? name : "?") + ", OpenGL " +
                         (version != nullptr ? version : "?");
    GLint renderbuffer = 0;
    GLint texture = 0;
    GLint viewport[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer);
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &texture);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
    r->impl_->max_tile =
        std::max(256, std::min({renderbuffer, texture, viewport[0], viewport[1], 8192}));

    osg::ref_ptr<osgViewer::Viewer> viewer = new osgViewer::Viewer;
    viewer->setThreadingModel(osgViewer::Viewer::SingleThreaded);
    viewer->setUpViewerAsEmbeddedInWindow(0, 0, 16, 16);
    viewer->setCameraManipulator(nullptr);
    viewer->setKeyEventSetsDone(0);
    osg::Camera* camera = viewer->getCamera();
    camera->setComputeNearFarMode(osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);
    camera->setRenderTargetImplementation(osg::Camera::FRAME_BUFFER_OBJECT);
    camera->setClearMask(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    camera->setClearStencil(0);
    // Small features (a village of a few pixels) are still drawn.
    camera->setCullingMode(camera->getCullingMode() & ~osg::CullSettings::SMALL_FEATURE_CULLING);
    r->impl_->root = new osg::Group;
    viewer->setSceneData(r->impl_->root.get());
    viewer->realize();
    r->impl_->viewer = viewer;
    return r;
}

const std::string& OffscreenRenderer::gl_renderer() const {
    return impl_->renderer;
}

int OffscreenRenderer::max_tile_px() const {
    return impl_->max_tile;
}

osg::Matrixd tile_matrix(int width, int height, int x0, int y0, int w, int h) {
    const double sx = static_cast<double>(width) / w;
    const double sy = static_cast<double>(height) / h;
    const double ox = static_cast<double>(width - 2 * x0) / w - 1.0;
    const double oy = static_cast<double>(height - 2 * y0) / h - 1.0;
    return osg::Matrixd::scale(sx, sy, 1.0) * osg::Matrixd::translate(ox, oy, 0.0);
}

core::Result<osg::ref_ptr<osg::Image>> OffscreenRenderer::render(osg::Node* scene, osg::Camera* hud,
                                                                 const ViewSetup& view) {
    if (view.width <= 0 || view.height <= 0) {
        return core::make_error(core::ErrorCode::kBadArgument, {},
                                "the image size must be positive.");
    }
    impl_->make_current();
    osg::Group* root = impl_->root.get();
    root->removeChildren(0, root->getNumChildren());
    root->addChild(scene);
    const osg::Matrixd hud_projection =
        hud != nullptr ? hud->getProjectionMatrix() : osg::Matrixd::identity();
    if (hud != nullptr) {
        root->addChild(hud);
    }
    const int tile = view.tile_px > 0 ? std::min(view.tile_px, impl_->max_tile) : impl_->max_tile;
    osg::ref_ptr<osg::Image> out = new osg::Image;
    out->allocateImage(view.width, view.height, 1, GL_RGBA, GL_UNSIGNED_BYTE);
    osg::Camera* camera = impl_->viewer->getCamera();
    camera->setClearColor(view.clear_color);
    camera->setViewMatrix(view.view);
    for (int y0 = 0; y0 < view.height; y0 += tile) {
        for (int x0 = 0; x0 < view.width; x0 += tile) {
            const int w = std::min(tile, view.width - x0);
            const int h = std::min(tile, view.height - y0);
            osg::ref_ptr<osg::Image> part = new osg::Image;
            part->allocateImage(w, h, 1, GL_RGBA, GL_UNSIGNED_BYTE);
            camera->detach(osg::Camera::COLOR_BUFFER);
            camera->detach(osg::Camera::PACKED_DEPTH_STENCIL_BUFFER);
            camera->attach(osg::Camera::COLOR_BUFFER, part.get());
            camera->attach(osg::Camera::PACKED_DEPTH_STENCIL_BUFFER, GL_DEPTH24_STENCIL8_EXT);
            camera->dirtyAttachmentMap();
            camera->setViewport(0, 0, w, h);
            const osg::Matrixd sub = tile_matrix(view.width, view.height, x0, y0, w, h);
            camera->setProjectionMatrix(view.projection * sub);
            if (hud != nullptr) {
                hud->setProjectionMatrix(hud_projection * sub);
            }
            impl_->viewer->frame();
            for (int row = 0; row < h; ++row) {
                std::memcpy(out->data(x0, y0 + row), part->data(0, row),
                            static_cast<std::size_t>(w) * 4);
            }
        }
    }
    if (hud != nullptr) {
        hud->setProjectionMatrix(hud_projection);
    }
    return out;
}

osg::ref_ptr<osg::Image> downsample(const osg::Image& image, int factor) {
    const int w = image.s() / factor;
    const int h = image.t() / factor;
    osg::ref_ptr<osg::Image> out = new osg::Image;
    out->allocateImage(w, h, 1, GL_RGBA, GL_UNSIGNED_BYTE);
    const int n = factor * factor;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            int sum[4] = {0, 0, 0, 0};
            for (int dy = 0; dy < factor; ++dy) {
                const unsigned char* p = image.data(x * factor, y * factor + dy);
                for (int dx = 0; dx < factor; ++dx, p += 4) {
                    for (int c = 0; c < 4; ++c) {
                        sum[c] += p[c];
                    }
                }
            }
            unsigned char* q = out->data(x, y);
            for (int c = 0; c < 4; ++c) {
                q[c] = static_cast<unsigned char>((sum[c] + n / 2) / n);
            }
        }
    }
    return out;
}

bool OffscreenRenderer::programs_linked(std::string* log) const {
    CollectPrograms collect;
    impl_->root->accept(collect);
    osg::State* state = impl_->viewer->getCamera()->getGraphicsContext()->getState();
    bool ok = true;
    for (const osg::Program* p : collect.programs) {
        osg::Program::PerContextProgram* pcp = p->getPCP(*state);
        if (pcp == nullptr || !pcp->isLinked()) {
            ok = false;
            std::string info;
            if (pcp != nullptr) {
                pcp->getInfoLog(info);
            }
            if (log != nullptr) {
                *log += p->getName() + ": " + (info.empty() ? "not linked" : info) + "\n";
            }
        }
    }
    return ok;
}

}  // namespace beltplan::render
