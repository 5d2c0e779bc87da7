// Shader lookup: embedded text, or a file from BELTPLAN_SHADER_DIR when one is there.
#include "render/shader_library.h"

#include <osg/Shader>

#include <cassert>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

namespace beltplan::render {

std::vector<std::string> program_names() {
    std::set<std::string> names;
    for (const EmbeddedShader& s : embedded_shaders()) {
        const std::string file = s.file_name;
        const std::size_t dot = file.rfind('.');
        if (file.compare(dot, std::string::npos, ".vert") == 0) {
            names.insert(file.substr(0, dot));
        }
    }
    return {names.begin(), names.end()};
}

std::string shader_source(const std::string& file_name) {
    if (const char* dir = std::getenv("BELTPLAN_SHADER_DIR"); dir != nullptr && *dir != '\0') {
        std::ifstream in(std::string(dir) + "/" + file_name);
        if (in) {
            std::ostringstream text;
            text << in.rdbuf();
            return text.str();
        }
    }
    for (const EmbeddedShader& s : embedded_shaders()) {
        if (file_name == s.file_name) {
            return s.source;
        }
    }
    return "";
}

osg::ref_ptr<osg::Program> make_program(const std::string& name) {
    const std::string vert = shader_source(name + ".vert");
    const std::string frag = shader_source(name + ".frag");
    assert(!vert.empty() && !frag.empty() && "make_program: unknown shader program name");
    osg::ref_ptr<osg::Program> program = new osg::Program;
    program->setName("bp_" + name);
    osg::ref_ptr<osg::Shader> vertex = new osg::Shader(osg::Shader::VERTEX, vert);
    osg::ref_ptr<osg::Shader> fragment = new osg::Shader(osg::Shader::FRAGMENT, frag);
    vertex->setName(name + ".vert");
    fragment->setName(name + ".frag");
    program->addShader(vertex.get());
    program->addShader(fragment.get());
    if (name == "village" || name == "extrude") {
        // Both colour villages by the same rule: one function, linked into each.
        osg::ref_ptr<osg::Shader> fill =
            new osg::Shader(osg::Shader::VERTEX, shader_source("village_fill.glsl"));
        fill->setName("village_fill.glsl");
        program->addShader(fill.get());
    }
    program->addBindAttribLocation("bp_village", kVillageAttrib);
    if (name == "extrude") {
        program->addBindAttribLocation("bp_top", kTopAttrib);
    }
    if (name == "marker") {
        program->addBindAttribLocation("bp_offset_px", kOffsetAttrib);
    }
    if (name == "reach") {
        program->addBindAttribLocation("bp_corner", kCornerAttrib);
    }
    if (name == "reach_road") {
        program->addBindAttribLocation("bp_distance", kDistanceAttrib);
    }
    program->addBindFragDataLocation("bp_frag_color", 0);
    return program;
}

}  // namespace beltplan::render
