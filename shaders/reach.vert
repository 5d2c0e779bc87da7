#version 330 compatibility
// Reach discs in the straight-line mode: a square around each site (gl_Vertex is the site,
// bp_corner the square's corner in units of the radius) sized by bp_reach_m, so a new radius
// is one uniform.
in vec2 bp_corner;
uniform float bp_reach_m;
out vec2 bp_local;

void main() {
    bp_local = bp_corner;
    vec4 v = gl_Vertex;
    v.xy += bp_corner * bp_reach_m;
    gl_Position = gl_ModelViewProjectionMatrix * v;
}
