#version 330 compatibility
// 2.5D villages: roof vertices (bp_top = 1) are lifted by the village's height (a per-village
// texel); the colour follows from the village's values as in the flat map.
in float bp_village;
in float bp_top;
uniform sampler2D bp_village_heights;
uniform float bp_height_scale;
flat out vec4 bp_fill;
out float bp_shade;

vec4 bp_village_fill(int village);

void main() {
    int i = int(bp_village + 0.5);
    bp_fill = bp_village_fill(i);
    ivec2 hw = textureSize(bp_village_heights, 0);
    float h = texelFetch(bp_village_heights, ivec2(i % hw.x, i / hw.x), 0).r;
    vec4 v = gl_Vertex;
    v.z = bp_top * h * bp_height_scale;
    vec3 light = normalize(vec3(-0.4, -0.6, 0.7));
    bp_shade = 0.55 + 0.45 * max(dot(normalize(gl_Normal), light), 0.0);
    gl_Position = gl_ModelViewProjectionMatrix * v;
}
