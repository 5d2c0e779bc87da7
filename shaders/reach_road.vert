#version 330 compatibility
// Roads within reach in the network mode: each vertex carries the distance along the roads
// from the nearest site (linear along a piece), so a new radius is one uniform.
in float bp_distance;
out float bp_road_m;

void main() {
    bp_road_m = bp_distance;
    gl_Position = gl_ModelViewProjectionMatrix * gl_Vertex;
}
