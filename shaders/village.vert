#version 330 compatibility
// Batched village fill: the colour comes from a per-village texel, so recolouring never
// touches the geometry.
in float bp_village;
uniform sampler2D bp_village_colors;
flat out vec4 bp_fill;

void main() {
    int i = int(bp_village + 0.5);
    int w = textureSize(bp_village_colors, 0).x;
    bp_fill = texelFetch(bp_village_colors, ivec2(i % w, i / w), 0);
    gl_Position = gl_ModelViewProjectionMatrix * gl_Vertex;
}
