#version 330 compatibility
// Reach discs in the straight-line mode: every vertex is a site (gl_Vertex) plus a point of the
// unit circle (bp_corner, (0, 0) for the centre of a fan), scaled by bp_reach_m here, so a new
// radius is one uniform and the geometry stays as it is.
in vec2 bp_corner;
uniform float bp_reach_m;

void main() {
    vec4 v = gl_Vertex;
    v.xy += bp_corner * bp_reach_m;
    gl_Position = gl_ModelViewProjectionMatrix * v;
}
