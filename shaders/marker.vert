#version 330 compatibility
// Markers of constant pixel size: the anchor is projected, then the corner is offset in pixels.
in vec2 bp_offset_px;
uniform vec2 bp_viewport_px;
uniform float bp_px_scale;
out vec4 bp_marker_color;

void main() {
    vec4 p = gl_ModelViewProjectionMatrix * gl_Vertex;
    p.xy += bp_offset_px * bp_px_scale * 2.0 / bp_viewport_px * p.w;
    bp_marker_color = gl_Color;
    gl_Position = p;
}
