#version 330 compatibility
// The colour of a village from its values and the colouring uniforms; linked into the vertex
// stage of the village and extrude programs. A radius tick or a new colour mode changes only
// uniforms; a moved site rewrites the texels of the villages whose reach changed.
uniform sampler2D bp_village_values;  // per village: reach m, kind, org class, custom class
uniform int bp_fill_rule;             // 0 covered within R, 1 distance classes, 2 classes
uniform int bp_channel;               // the value the rule reads: 0 reach .. 3 custom
uniform float bp_reach_m;             // R (rounded down to a float)
uniform vec4 bp_palette[16];
uniform int bp_palette_size;
uniform vec4 bp_no_data;

const float bp_unreached_m = 3.0e38;

vec4 bp_village_fill(int village) {
    int w = textureSize(bp_village_values, 0).x;
    vec4 values = texelFetch(bp_village_values, ivec2(village % w, village / w), 0);
    float v = values[bp_channel];
    if (v < 0.0) {
        return bp_no_data;
    }
    if (bp_fill_rule == 0) {
        return v <= bp_reach_m ? bp_palette[0] : bp_palette[1];
    }
    if (bp_fill_rule == 1) {
        if (v >= bp_unreached_m) {
            return bp_no_data;
        }
        float r = bp_reach_m;
        int c = v <= r / 3.0 ? 0 : (v <= 2.0 * r / 3.0 ? 1 : (v <= r ? 2 : (v <= 2.0 * r ? 3 : 4)));
        return bp_palette[c];
    }
    int c = int(v + 0.5);
    return c < bp_palette_size ? bp_palette[c] : bp_no_data;
}
