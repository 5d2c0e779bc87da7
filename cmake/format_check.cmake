# Fails when a C++ source under src/, tests/, tools/ or plugins/ differs from .clang-format.
# Run as: cmake -DROOT=<repo> -P format_check.cmake
find_program(CLANG_FORMAT NAMES clang-format clang-format-14 REQUIRED)
file(GLOB_RECURSE files ${ROOT}/src/*.h ${ROOT}/src/*.cpp ${ROOT}/tests/*.h ${ROOT}/tests/*.cpp
     ${ROOT}/tools/*.h ${ROOT}/tools/*.cpp ${ROOT}/plugins/*.h ${ROOT}/plugins/*.cpp)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${files}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "clang-format differences (run clang-format -i on these):\n${err}")
endif()
list(LENGTH files n)
message(STATUS "format_check: ${n} files follow .clang-format")
